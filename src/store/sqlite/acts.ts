import type Database from 'better-sqlite3';
import { isDated, matchesQuery, toActs, type ActRow } from '../../analysis/acts.js';
import { addDays, periodOf } from '../../analysis/periods.js';
import { tallyActs } from '../../analysis/timeline.js';
import type { Act, ActQuery, DayTally, PloverEventType, QuadCode } from '../../types.js';
import { bindList } from './filters.js';
import { IMPORTED_SIMPLE, monthRows, type MonthRow } from './tallies.js';

/** Undated: no date of its own. The same expression as the partial indexes events_undated*, so SQLite uses them. */
const UNDATED = "(date IS NULL OR precision IN ('publication', 'unresolved'))";
/** Exact: coded or compound, what the monthly sums leave out. The expression of the partial indexes events_exact*. */
const EXACT = 'NOT (certainty IS NULL AND compound = 0)';

/** The party list of a compound event (coded or imported, every compound event has its parties rows). */
const PARTIES = `CASE WHEN e.compound = 0 THEN NULL
  ELSE (SELECT group_concat(p.role || ':' || p.code, ',') FROM parties p WHERE p.event = e.id) END`;

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

/** Role conditions that reach the query's events through the indexes: direct columns, and parties for compound events. */
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

/** Which events: all, or only those the month sums do not cover (coded, compound), called exact. */
export type ActScope = 'all' | 'exact';

/** Read the acts a query asks for (compound and joint events expanded, then filtered exactly). */
export function readActs(db: Database.Database, q: ActQuery, scope: ActScope = 'all'): Act[] {
  const params: Record<string, unknown> = {};
  const { direct, compound } = roleClauses(q, params);
  const dated = datedClause(q, params);
  // Exact scope: the index holds certainty and compound, so the month-summed events are skipped without the table.
  // Coded events are all exact, so a query for them uses the exact indexes too.
  const only = scope === 'exact' || q.source === 'coded' ? ` AND ${EXACT}` : '';
  const parts: string[] = [];
  for (const d of direct) {
    // SQLite prefers the covering dyad index; the small partial indexes are far faster here, so name them.
    const by = d.startsWith('recipient') ? '_recipient' : '';
    const hint = (index: string): string => (d === '1' ? '' : ` INDEXED BY ${index}${by}`);
    if (q.dated !== false) parts.push(`SELECT id FROM events${only ? hint('events_exact') : ''} WHERE ${d}${dated}${only}`);
    if (q.dated !== true) parts.push(`SELECT id FROM events${hint('events_undated')} WHERE ${d} AND ${UNDATED}${only}`);
  }
  // Parenthesised: an INTERSECT among the UNIONs would otherwise apply to everything before it.
  if (compound) parts.push(`SELECT * FROM (${compound})`);
  const exact = scope === 'exact' ? ` AND ${EXACT.replace(/(certainty|compound)/g, 'e.$1')}` : '';
  const sql = `SELECT e.id, e.actor, e.recipient, e.event, e.quad, e.scale, e.date, e.enddate, e.precision, e.certainty, e.mode, e.context,
    e.cluster, e.source, ${PARTIES} AS party_list FROM events e WHERE e.id IN (${parts.join(' UNION ')})${exact}${otherClauses(q, params, 'e.')}
    ORDER BY e.date, e.id`;
  const out: Act[] = [];
  for (const r of db.prepare(sql).iterate(params) as IterableIterator<Row>) {
    const { party_list, ...rest } = r;
    for (const act of toActs({ ...rest, parties: parties(party_list) })) {
      if (matchesQuery(act, q) && (q.dated === undefined || isDated(act) === q.dated)) out.push(act);
    }
  }
  return out;
}

/** Imported single-dyad events summed per day in [from, to] straight from the events (edges of month ranges, small stores). */
function importedDays(db: Database.Database, q: ActQuery, from: string, to: string): MonthRow[] {
  const params: Record<string, unknown> = { a: from, b: to };
  const { direct } = roleClauses(q, params);
  return db.prepare(`SELECT actor, recipient, date AS month, event, quad, count(*) AS count, total(scale) AS scale_sum,
    count(DISTINCT cluster) + total(cluster IS NULL) AS heads FROM events
    WHERE (${direct.join(' OR ')}) AND ${IMPORTED_SIMPLE} AND date >= @a AND date <= @b${otherClauses(q, params, '')}
    GROUP BY actor, recipient, date, event, quad`).all(params) as MonthRow[];
}

const endOfMonth = (d: string): string => periodOf(d, 'month').to;

/**
 * Sums of the imported single-dyad events in [from, to]: whole months from month_tallies (rows dated on the 1st),
 * the partial months at either end from the events per day. With `fresh` false, everything from the events.
 */
function importedSums(db: Database.Database, q: ActQuery, fresh: boolean): MonthRow[] {
  const from = q.from ?? '0000-01-01';
  const to = q.to ?? '9999-12-31';
  if (!fresh) return importedDays(db, q, from, to);
  const firstFull = from.endsWith('-01') ? from : addDays(endOfMonth(from), 1);
  const lastFull = to === endOfMonth(to) ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  if (firstFull > lastFull) return importedDays(db, q, from, to);
  const params: Record<string, unknown> = {};
  const { direct } = roleClauses(q, params);
  const months = monthRows(db, direct.join(' OR '), params, firstFull.slice(0, 7), lastFull.slice(0, 7), otherClauses(q, params, ''))
    .map((r) => ({ ...r, month: `${r.month}-01` }));
  const head = from < firstFull ? importedDays(db, q, from, addDays(firstFull, -1)) : [];
  const tail = to > lastFull ? importedDays(db, q, addDays(lastFull, 1), to) : [];
  return [...head, ...months, ...tail];
}

/** Up to this many imported events in a window are read one by one rather than as sums. */
const EXACT_LIMIT = 2000;

/**
 * Dated acts summed per day (per month for whole months of imported events when `coarse`), per dyad and type: the
 * imported single-dyad events from their sums, every other act (coded, compound) read exactly and added here.
 */
export function readTally(db: Database.Database, q: ActQuery, coarse: boolean, fresh: boolean): DayTally[] {
  const sums = new Map<string, DayTally>();
  const add = (t: DayTally): void => {
    const key = `${t.date}|${t.actor}|${t.recipient}|${t.event}|${t.quad}`;
    const p = sums.get(key);
    sums.set(key, p ? { ...p, count: p.count + t.count, scale_sum: p.scale_sum + t.scale_sum, unconfirmed: p.unconfirmed + t.unconfirmed, clusters: p.clusters + t.clusters } : t);
  };
  const imported = coarse ? importedSums(db, q, fresh) : importedDays(db, q, q.from ?? '0000-01-01', q.to ?? '9999-12-31');
  for (const r of imported) {
    add({ date: r.month, actor: r.actor, recipient: r.recipient, event: r.event as PloverEventType, quad: r.quad as QuadCode, count: r.count, scale_sum: r.scale_sum, unconfirmed: 0, clusters: r.heads });
  }
  for (const t of tallyActs(readActs(db, { ...q, dated: true }, 'exact'))) add(t);
  return [...sums.values()];
}

/**
 * The acts of a window for the partnership test: exact acts for coded and compound events, and for imported
 * single-dyad events one aggregate act per dyad and type, standing for `n` distinct events (negative ids).
 */
export function readWindowActs(db: Database.Database, q: ActQuery & { from: string; to: string }, fresh: boolean): Act[] {
  const sums = importedSums(db, q, fresh);
  // Few enough to list one by one: every act then cites its own dataset row.
  if (sums.reduce((n, r) => n + r.count, 0) <= EXACT_LIMIT) return readActs(db, { ...q, dated: true });
  const groups = new Map<string, Act & { n: number }>();
  let next = -1;
  for (const r of sums) {
    const key = `${r.actor}|${r.recipient}|${r.event}|${r.quad}`;
    const g = groups.get(key);
    if (g) groups.set(key, { ...g, n: g.n + r.heads, scale: g.scale + r.scale_sum });
    else {
      groups.set(key, {
        id: next--, actor: r.actor, recipient: r.recipient, joint: false, event: r.event as PloverEventType, quad: r.quad as QuadCode, scale: r.scale_sum,
        date: q.from, enddate: q.to, precision: 'day', certainty: null, mode: [], context: [], cluster: null, source: 'imported', n: r.heads,
      });
    }
  }
  return [...readActs(db, { ...q, dated: true }, 'exact'), ...groups.values()];
}
