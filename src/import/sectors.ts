/**
 * Actor sectors and organisations of imported datasets, mapped to PLOVER sector codes and to the
 * PLOVER non-state codes (IGO, UNO, EUR, NGO, IMG, MNC).
 */

/** PLOVER sector codes (the manual's sector table). */
export const PLOVER_SECTORS: ReadonlySet<string> = new Set([
  'COP', 'GOV', 'JUD', 'LEG', 'MIL', 'PRM', 'PTY', 'REB', 'SPY', 'UAF', 'UNK',
  'AGR', 'BUS', 'CRM', 'CVL', 'EDU', 'ELI', 'JRN', 'LAB', 'MED', 'REF', 'OPP', 'PRE', 'REL', 'SOC',
]);

/** The PLOVER codes that stand for non-state international actors. */
export const ORGANIZATION_CODES: ReadonlySet<string> = new Set(['IGO', 'UNO', 'EUR', 'NGO', 'ISM', 'IMG', 'MNC']);

/**
 * CAMEO actor type codes (GDELT Actor*Type*Code, the 3-letter elements of actor codes) to PLOVER sectors.
 * CAMEO MED (media) is PLOVER JRN and CAMEO HLH (health) is PLOVER MED; INS, SEP and RAD fold into REB.
 */
const CAMEO_TYPES = new Map<string, string>(Object.entries({
  COP: 'COP', GOV: 'GOV', JUD: 'JUD', LEG: 'LEG', MIL: 'MIL', SPY: 'SPY', UAF: 'UAF', PTY: 'PTY', OPP: 'OPP',
  REB: 'REB', INS: 'REB', SEP: 'REB', RAD: 'REB', PKO: 'MIL',
  AGR: 'AGR', BUS: 'BUS', CRM: 'CRM', CVL: 'CVL', EDU: 'EDU', ELI: 'ELI', LAB: 'LAB', REF: 'REF', REL: 'REL', SET: 'CVL',
  MED: 'JRN', HLH: 'MED', DEV: 'SOC', ENV: 'SOC', HRI: 'SOC', AMN: 'SOC', IRC: 'SOC', GRP: 'SOC',
}));

/** CAMEO type or leading code elements that name an organisation rather than a sector. */
const CAMEO_ORGS = new Map<string, string>(Object.entries({ IGO: 'IGO', NGO: 'NGO', NGM: 'NGO', MNC: 'MNC', IMG: 'IMG', UNO: 'UNO', EEC: 'EUR' }));

export const cameoSector = (type: string): string | undefined => (type.length === 3 ? CAMEO_TYPES.get(type) : undefined);
export const cameoOrganization = (element: string): string | undefined => (element.length === 3 ? CAMEO_ORGS.get(element) : undefined);

/** Words in ICEWS sector names, in order: the first rule an item matches gives its sector. */
const ICEWS_RULES: readonly (readonly [readonly string[], string])[] = [
  [['nongovernmental', 'ngo'], 'NGO'],
  [['international government organization', 'igo', 'global'], 'IGO'],
  [['opposition', 'out of government', 'dissident', 'protestor', 'exile', 'banned parties'], 'OPP'],
  [['intelligence'], 'SPY'],
  [['ministry'], 'GOV'],
  [['military', 'army', 'navy', 'air force', 'marines', 'coast guard'], 'MIL'],
  [['police', 'border divisions'], 'COP'],
  [['rebel', 'insurgent', 'separatist', 'radical', 'organized violent', 'extremist'], 'REB'],
  [['unidentified forces'], 'UAF'],
  [['judicial', 'court', 'justice', 'legal', 'tribunal'], 'JUD'],
  [['legislative', 'parliament', 'upper house', 'lower house', 'unicameral'], 'LEG'],
  [['in government'], 'GOV'],
  [['party', 'parties'], 'PTY'],
  [['media', 'news', 'entertainment', 'journalist'], 'JRN'],
  [['medical', 'health'], 'MED'],
  [['business', 'state-owned', 'economy', 'industrial'], 'BUS'],
  [['education', 'student'], 'EDU'],
  [['labor', 'labour'], 'LAB'],
  [['refugee', 'displaced'], 'REF'],
  [['religio'], 'REL'],
  [['criminal', 'gang'], 'CRM'],
  [['elite'], 'ELI'],
  [['agricultur'], 'AGR'],
  [['general population', 'civilian', 'social', 'ethnic'], 'CVL'],
  [['government', 'executive', 'cabinet', 'ministry', 'state'], 'GOV'],
];

/** Which of several sectors an actor with many keeps: the most specific organ first. */
const PRIORITY = ['MIL', 'COP', 'SPY', 'JUD', 'LEG', 'REB', 'UAF', 'GOV', 'OPP', 'PTY', 'JRN', 'MED', 'EDU', 'BUS', 'LAB', 'REF', 'REL', 'CRM', 'ELI', 'AGR', 'CVL'];

function icewsItem(item: string): string | undefined {
  const s = item.trim().toLowerCase();
  if (!s) return undefined;
  if (s.length === 3 && PLOVER_SECTORS.has(s.toUpperCase())) return s.toUpperCase();
  for (const [words, sector] of ICEWS_RULES) if (words.some((w) => s.includes(w))) return sector;
  return undefined;
}

/** A sector list resolved: the PLOVER sector it keeps, and the organisation code it names, if any. */
export interface SectorInfo {
  readonly sector?: string;
  readonly org?: string;
}

const sectorCache = new Map<string, SectorInfo>();

/**
 * A list of sector names as ICEWS and POLECAT write them ("Government,Police", "Legislative / Parliamentary",
 * "GOV;MIL") to one PLOVER sector, and to IGO or NGO when the list names such an organisation.
 */
export function sectorFromNames(list: string): SectorInfo {
  let hit = sectorCache.get(list);
  if (hit) return hit;
  const found = new Set<string>();
  for (const item of list.split(/[,;|]/)) {
    const s = icewsItem(item);
    if (s) found.add(s);
  }
  const org = found.has('IGO') ? 'IGO' : found.has('NGO') ? 'NGO' : undefined;
  const sector = PRIORITY.find((p) => found.has(p));
  hit = { ...(sector ? { sector } : {}), ...(org ? { org } : {}) };
  if (sectorCache.size < 5_000) sectorCache.set(list, hit);
  return hit;
}

/** The UN and EU families by name, for actors that datasets give without a country. */
export function organizationByName(name: string): string | undefined {
  const n = ` ${name.toLowerCase()} `;
  if (n.includes('united nations') || n.includes(' un ') || n.includes(' unhcr') || n.includes(' unicef')) return 'UNO';
  if (n.includes('european union') || n.includes('european commission') || n.includes('european parliament')
    || n.includes('european council') || n.includes('council of the eu') || n.includes(' eu ')) return 'EUR';
  return undefined;
}
