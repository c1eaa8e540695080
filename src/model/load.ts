import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorEntry, AgentEntry, CompiledRule, LeaderEntry, Lexicon, Model, RuleSpec } from '../types.js';
import { countryEntries, type DependencyTable } from './countries.js';
import { cityGazetteer } from './gazetteer.js';
import { PhraseTable } from './phrases.js';
import { compileRule, indexRules, inflections } from './rules.js';
import { getNlp } from '../nlp.js';
import { loadConflicts, packageRoot } from '../paths.js';

export { packageRoot } from '../paths.js';
import type { ActorFile } from './user-files.js';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export interface ModelOptions {
  /** Extra actors, leaders and agents (from --actors files). */
  readonly actorFiles?: readonly ActorFile[];
  /** Extra rules (from --rules files), each with the file it came from. */
  readonly ruleFiles?: readonly { readonly file: string; readonly rules: readonly RuleSpec[] }[];
  readonly dataDir?: string;
}

/** What the user's files hold, not where they are: the same actors from another path are the same coder. */
const fingerprint = (options: ModelOptions): string => createHash('sha256')
  .update(JSON.stringify([
    (options.actorFiles ?? []).map((f) => [f.actors, f.leaders, f.agents]),
    (options.ruleFiles ?? []).map((f) => f.rules),
  ]))
  .digest('hex')
  .slice(0, 8);

/** Build the model once: every dictionary indexed, every rule compiled. */
export function loadModel(options: ModelOptions = {}): Model {
  const root = packageRoot();
  const dataDir = options.dataDir ?? join(root, 'data');
  const version = (readJson<{ version: string }>(join(root, 'package.json'))).version;

  const lexiconRaw = readJson<{ classes: Record<string, string[]>; numbers: Record<string, number> }>(join(dataDir, 'lexicon.json'));
  const irregular = readJson<{ verbs: Record<string, string[]> }>(join(dataDir, 'irregular-verbs.json')).verbs;
  const lemmas = new Map<string, string>();
  for (const [base, forms] of Object.entries(irregular)) for (const f of forms) if (!lemmas.has(f)) lemmas.set(f, base);
  const lexicon: Lexicon = {
    // Word classes match any inflection of their words: "reported" is in the class that lists "report".
    classes: new Map(Object.entries(lexiconRaw.classes).map(([k, v]) => [k, new Set(v.flatMap((w) => inflections(w)))])),
    numbers: new Map(Object.entries(lexiconRaw.numbers)),
    lemmas,
  };

  const deps = readJson<DependencyTable>(join(dataDir, 'dependencies.json'));
  const { entries: countryList, names } = countryEntries(deps);
  const actorIndex = new PhraseTable<ActorEntry>();
  const add = (list: readonly ActorEntry[]): void => {
    for (const e of list) for (const n of e.names) actorIndex.add(n, e);
  };
  add(countryList);
  for (const file of ['countries-extra.json', 'organizations.json']) {
    const path = join(dataDir, file);
    if (existsSync(path)) add(readJson<ActorEntry[]>(path));
  }
  // Phrases such as "South China Sea" hold a country name but name no actor: an entry with no code blocks them.
  const nonActors = readJson<{ names: string[] }>(join(dataDir, 'non-actors.json')).names;
  add([{ names: nonActors, code: '', kind: 'custom' }]);

  const leaderIndex = new PhraseTable<LeaderEntry>();
  const leadersDir = join(dataDir, 'leaders');
  const leaders: LeaderEntry[] = existsSync(leadersDir)
    ? readdirSync(leadersDir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => readJson<LeaderEntry[]>(join(leadersDir, f)))
    : [];

  const agentIndex = new PhraseTable<AgentEntry>();
  const agentsPath = join(dataDir, 'agents.json');
  const agents: AgentEntry[] = existsSync(agentsPath) ? readJson<AgentEntry[]>(agentsPath) : [];

  for (const f of options.actorFiles ?? []) {
    add(f.actors);
    leaders.push(...f.leaders);
    agents.push(...f.agents);
  }
  for (const l of leaders) for (const n of [l.name, ...(l.aliases ?? [])]) leaderIndex.add(n, l);
  for (const a of agents) for (const n of a.names) agentIndex.add(n, a);

  const rules: CompiledRule[] = [];
  const rulesDir = join(dataDir, 'rules');
  for (const f of readdirSync(rulesDir).filter((x) => x.endsWith('.json')).sort()) {
    const list = readJson<{ rules: RuleSpec[] }>(join(rulesDir, f)).rules;
    list.forEach((r, i) => rules.push(compileRule(r, lexicon, `data/rules/${f} rule ${i + 1}`)));
  }
  for (const rf of options.ruleFiles ?? []) {
    rf.rules.forEach((r, i) => rules.push(compileRule({ priority: 5, ...r }, lexicon, `${rf.file} rule ${i + 1}`)));
  }

  const conflicts = loadConflicts(dataDir);
  const fold = (code: string): string => deps.fold[deps.renamed[code] ?? code] ?? deps.partiallyRecognised[code] ?? deps.renamed[code] ?? code;

  const extended = (options.actorFiles?.length ?? 0) + (options.ruleFiles?.length ?? 0) > 0;
  return {
    version,
    ...(extended ? { extensions: fingerprint(options) } : {}),
    nlp: getNlp(lexicon.lemmas),
    actorIndex,
    leaderIndex,
    agentIndex,
    rules,
    rulesByAnchor: indexRules(rules),
    lexicon,
    conflicts,
    places: cityGazetteer(fold),
    countryName: (code: string) => names.get(code),
    plover: readJson(join(dataDir, 'plover.json')),
  };
}
