import type Database from 'better-sqlite3';
import { isDated, matchesQuery, toActs, type ActRow } from '../../analysis/acts.js';
import type { Act, ActQuery, DayTally } from '../../types.js';
import { bindList } from './filters.js';

/** Undated: no date of its own. The same expression as the partial index events_undated, so SQLite uses it. */
const UNDATED = "(date IS NULL OR precision IN ('publication', 'unresolved'))";

/** The party list of a compound event: parties for coded events, the record for imported ones. */
const PARTIES = `CASE WHEN e.compound = 0 THEN NULL
  WHEN e.source = 'coded' THEN (SELECT group_concat(p.role || ':' || p.code, ',') FROM parties p WHERE p.event = e.id)
  ELSE (SELECT group_concat('actor:' || json_extract(value, '$.code'), ',') FROM json_each(e.record, '$.actor'))
    || ',' || COALESCE((SELECT group_concat('recipient:' || json_extract(value, '$.code'), ',') FROM json_each(e.record, '$.recipient')), '')
  END`;

interface Row extends Omit<ActRow, 'parties'> {
  readonly party_list: string | null;
}

function parties(list: string | null): ActRow['parties'] {
  if (list === null) return null;
  const actor: string[] = [];
  const recipient: string[] = [];
  for (const item of list.split(',')) {
    const [role, code] = item.split(':');
    if (code) (role === 'actor' ? actor : recipient).push(code);
  }
  return { actor, recipient };
}

/**
 * Conditions on events that preselect the query's acts through the indexes: the dyad and recipient indexes with
 * the date range for dated acts, the partial index for undated ones, the parties for compound events.
 */
function roleClauses(q: ActQuery, params: Record<string, unknown>): { direct: string[]; compound: string | null } {
  if (q.involving?.length) {
    const s = bindList(params, 'inv', q.involving);
    return { direct: [`actor IN (${s})`, `recipient IN (${s})`], compound: `SELECT event FROM parties WHERE code IN (${s})` };
  }
  const a = q.actor?.length ? bindList(params, 'act', q.actor) : null;
  const r = q.recipient?.length ? bindList(params, 'rec', q.recipient) : null;
  if (a && r) return { direct: [`actor IN (${a}) AND recipient IN (${r})`], compound: `SELECT event FROM parties WHERE role = 'actor' AND code IN (${a}) INTERSECT SELECT event FROM parties WHERE code IN (${r})` };
  if (a) return { direct: [`actor IN (${a})`], compound: `SELECT event FROM parties WHERE role = 'actor' AND code IN (${a})` };
  if (r) return { direct: [`recipient IN (${r})`], compound: `SELECT event FROM parties WHERE code IN (${r})` };
  return { direct: ['1'], compound: null };
}

function otherClauses(q: ActQuery, params: Record<string, unknown>, alias: string): string {
  const where: string[] = [];
  if (q.type?.length) where.push(`${alias}event IN (${bindList(params, 'type', q.type)})`);
  if (q.quad?.length) where.push(`${alias}quad IN (${bindList(params, 'quad', q.quad)})`);
  if (q.source) where.push(`${alias}source = @source`), (params.source = q.source);
  return where.map((w) => ` AND ${w}`).join('');
}

function datedClause(q: ActQuery, params: Record<string, unknown>): string {
  params.from = q.from ?? '0000-01-01';
  params.to = q.to ?? '9999-12-31';
  return ` AND NOT ${UNDATED}${q.from || q.to ? ' AND date <= @to AND COALESCE(enddate, date) >= @from' : ''}`;
}

/** Read the acts a query asks for (compound and joint events expanded, then filtered exactly); or only compound events' acts. */
export function readActs(db: Database.Database, q: ActQuery, compoundOnly = false): Act[] {
  const params: Record<string, unknown> = {};
  const { direct, compound } = roleClauses(q, params);
  const dated = datedClause(q, params);
  const parts: string[] = [];
  for (const d of direct) {
    if (q.dated !== false) parts.push(`SELECT id FROM events WHERE ${d}${dated}`);
    if (q.dated !== true) parts.push(`SELECT id FROM events WHERE ${d} AND ${UNDATED}`);
  }
  if (compound) parts.push(compound);
  const sql = `SELECT e.id, e.actor, e.recipient, e.event, e.quad, e.scale, e.date, e.enddate, e.precision, e.certainty, e.mode, e.context,
    e.cluster, e.source, ${PARTIES} AS party_list FROM events e WHERE e.id IN (${parts.join(' UNION ')})${compoundOnly ? ' AND e.compound = 1' : ''}${otherClauses(q, params, 'e.')}
    ORDER BY e.date, e.id`;
  const out: Act[] = [];
  const want = q.dated === undefined ? null : q.dated;
  for (const r of db.prepare(sql).iterate(params) as IterableIterator<Row>) {
    const { party_list, ...rest } = r;
    for (const act of toActs({ ...rest, parties: parties(party_list) })) {
      if (!matchesQuery(act, q)) continue;
      if (want !== null && isDated(act) !== want) continue;
      out.push(act);
    }
  }
  return out;
}

/**
 * Dated acts summed per day, dyad, type and quad class. Single-dyad events are summed in SQL from the covering dyad
 * index; compound events are expanded as acts and summed here.
 */
export function readTally(db: Database.Database, q: ActQuery): DayTally[] {
  const params: Record<string, unknown> = {};
  const { direct } = roleClauses(q, params);
  const dated = datedClause(q, params);
  const other = otherClauses(q, params, '');
  const sums = new Map<string, DayTally>();
  const rows = db.prepare(`SELECT date, actor, recipient, event, quad, count(*) AS count, total(scale) AS scale_sum,
    total(certainty IN ('reported', 'alleged', 'hedged')) AS unconfirmed, count(DISTINCT cluster) + total(cluster IS NULL) AS clusters
    FROM events WHERE (${direct.join(' OR ')})${dated} AND compound = 0${other} GROUP BY date, actor, recipient, event, quad`).all(params) as DayTally[];
  for (const t of rows) sums.set(`${t.date}|${t.actor}|${t.recipient}|${t.event}|${t.quad}`, t);
  for (const a of readActs(db, { ...q, dated: true }, true)) addAct(sums, a);
  return [...sums.values()];
}

/** Add one act of a compound event to the day sums (it counts as its own cluster: compound events are few). */
function addAct(sums: Map<string, DayTally>, a: Act): void {
  const key = `${a.date}|${a.actor}|${a.recipient}|${a.event}|${a.quad}`;
  const prev = sums.get(key);
  const unconfirmed = a.certainty === 'reported' || a.certainty === 'alleged' || a.certainty === 'hedged' ? 1 : 0;
  sums.set(key, prev
    ? { ...prev, count: prev.count + 1, scale_sum: prev.scale_sum + a.scale, unconfirmed: prev.unconfirmed + unconfirmed, clusters: prev.clusters + 1 }
    : { date: a.date!, actor: a.actor, recipient: a.recipient, event: a.event, quad: a.quad, count: 1, scale_sum: a.scale, unconfirmed, clusters: 1 });
}
