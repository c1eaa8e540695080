import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ActorEntry, AgentEntry, LeaderEntry, RuleSpec } from '../types.js';

const code = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter upper-case code');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const names = z.array(z.string().min(1)).min(1);

const actorSchema = z.object({
  names,
  code,
  sector: code.optional(),
  other_sectors: z.array(code).optional(),
  kind: z.enum(['country', 'demonym', 'capital', 'territory', 'organization', 'custom']).default('custom'),
  identifier: z.string().optional(),
});
const leaderSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  country: code,
  sector: code.optional(),
  tenures: z.array(z.object({ office: z.string().min(1), from: day, to: day.nullable().default(null) })).min(1),
});
const agentSchema = z.object({ names, sector: code, office: z.string().optional() });
const actorFileSchema = z.object({
  actors: z.array(actorSchema).default([]),
  leaders: z.array(leaderSchema).default([]),
  agents: z.array(agentSchema).default([]),
}).strict();

const ruleSchema = z.object({
  id: z.string().optional(),
  match: z.string().min(1),
  event: z.string().min(1),
  mode: z.string().nullable().optional(),
  context: z.array(z.string()).optional(),
  reason: z.string().min(1),
  frame: z.enum(['promise', 'future', 'threat', 'refuse', 'demand', 'attempt', 'negation', 'hypothetical']).optional(),
  passive: z.boolean().optional(),
  priority: z.number().optional(),
  swap: z.boolean().optional(),
  speaker: z.boolean().optional(),
}).strict();
const ruleFileSchema = z.union([z.array(ruleSchema), z.object({ rules: z.array(ruleSchema) }).strict()]);

export interface ActorFile {
  readonly file: string;
  readonly actors: readonly ActorEntry[];
  readonly leaders: readonly LeaderEntry[];
  readonly agents: readonly AgentEntry[];
}

export class UserFileError extends Error {}

function parseAny(text: string, file: string): unknown {
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new UserFileError(`${file}: cannot parse: ${(err as Error).message.split('\n')[0]}`);
  }
}

function describe(file: string, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return `${file}: ${path || 'file'}: ${issue.message}`;
}

/** Parse a user's actor file (YAML or JSON): {actors:[], leaders:[], agents:[]}. Errors name the field. */
export function parseActorFile(text: string, file: string): ActorFile {
  const result = actorFileSchema.safeParse(parseAny(text, file));
  if (!result.success) throw new UserFileError(describe(file, result.error));
  return { file, ...result.data } as ActorFile;
}

/** Parse a user's rule file (YAML or JSON): a list of rules, or {rules:[...]}. Errors name the field. */
export function parseRuleFile(text: string, file: string): { file: string; rules: RuleSpec[] } {
  const result = ruleFileSchema.safeParse(parseAny(text, file));
  if (!result.success) throw new UserFileError(describe(file, result.error));
  const rules = (Array.isArray(result.data) ? result.data : result.data.rules) as RuleSpec[];
  return { file, rules };
}
