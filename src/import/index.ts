/**
 * Dataset import: one ImportFormat per dataset, each a pure function from one line to an event, a problem
 * naming the file and line, or nothing (a header, a blank line, or a row PLOVER does not code).
 */
import type { Dataset, ImportFormat } from '../types.js';
import { gdelt } from './formats/gdelt.js';
import { icews } from './formats/icews.js';
import { plover } from './formats/plover.js';
import { polecat } from './formats/polecat.js';

export const FORMATS: Record<Dataset, ImportFormat> = { gdelt, icews, polecat, plover };

export { cameoMapping, lookupCameo, ploverScore, type CameoMapping, type Score } from './cameo.js';
export { cameoCountry, cameoRegion, countryByName, countryCode, fipsCountry, type CountryRef } from './countries.js';
export { ICEWS_COLUMNS } from './formats/icews.js';
export { POLECAT_COLUMNS } from './formats/polecat.js';
