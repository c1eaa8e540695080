import type Database from 'better-sqlite3';
import { matchesQuery, toActs, type ActRow } from '../../analysis/acts.js';
import type { Act, ActQuery } from '../../types.js';
import { bindList } from './filters.js';

/** Undated: no date of its own. The same expression as the partial index events_undated, so SQLite uses it. */
const UNDATED = "(date IS NULL OR precision IN ('publication', 'unresolved'))";

/** Each party list of a compound event: parties for coded events, the record for compound imported ones. */
const PARTIES = `CASE WHEN e.source = 'coded' THEN (SELECT group_concat(p.role || ':' || p.code, ',') FROM parties p WHERE p.event = e.id)
  WHEN e.record IS NOT NULL THEN (SELECT group_concat('actor:' || json_extract(value, '$.code'), ',') FROM json_each(e.record, '$.actor'))
    || ',' || COALESCE((SELECT group_concat('recipient:' || json_extract(value, '$.code'), ',') FROM json_each(e.record, '$.recipient')), '')
  END`;

interface Row extends Omit<ActRow, 'parties'> {
  readonly party_list: string | null;
}

function parties(list: string | null): ActRow['parties'] {
  if (!list) return null;
  const actor: string[] = [];
  const recipient: string[] = [];
  for (const item of list.split(',')) {
    const [role, code] = item.split(':');
    if (code) (role === 'actor' ? actor : recipient).push(code);
  }
  return actor.length + recipient.length > 2 || recipient.length === 0 ? { actor, recipient } : null;
}

/**
 * The ids of candidate events, as a UNION of index-friendly selects: dated ones through the dyad, recipient and
 * parties indexes with the date range, and undated ones through the partial index. Expansion then filters exactly.
 */
function candidates(q: ActQuery, params: Record<string, unknown>): string {
  const dated = q.from || q.to ? ' AND date <= @to AND COALESCE(enddate, date) >= @from' : '';
  params.from = q.from ?? '0000-01-01';
  params.to = q.to ?? '9999-12-31';
  const parts: string[] = [];
  const direct = (where: string): void => {
    parts.push(`SELECT id FROM events WHERE ${where}${dated} AND NOT ${UNDATED}`);
    parts.push(`SELECT id FROM events WHERE ${where} AND ${UNDATED}`);
  };
  if (q.involving?.length) {
    const s = bindList(params, 'inv', q.involving);
    direct(`actor IN (${s})`);
    direct(`recipient IN (${s})`);
    parts.push(`SELECT event FROM parties WHERE code IN (${s})`);
  } else {
    const a = q.actor?.length ? bindList(params, 'act', q.actor) : null;
    const r = q.recipient?.length ? bindList(params, 'rec', q.recipient) : null;
    if (a && r) {
      direct(`actor IN (${a}) AND recipient IN (${r})`);
      parts.push(`SELECT event FROM parties WHERE role = 'actor' AND code IN (${a}) INTERSECT SELECT event FROM parties WHERE code IN (${r})`);
    } else if (a) {
      direct(`actor IN (${a})`);
      parts.push(`SELECT event FROM parties WHERE role = 'actor' AND code IN (${a})`);
    } else if (r) {
      direct(`recipient IN (${r})`);
      parts.push(`SELECT event FROM parties WHERE code IN (${r})`);
    } else return '';
  }
  return parts.join(' UNION ');
}

/** Read the acts a query asks for. */
export function readActs(db: Database.Database, q: ActQuery): Act[] {
  const params: Record<string, unknown> = {};
  const where: string[] = [];
  const ids = candidates(q, params);
  if (ids) where.push(`e.id IN (${ids})`);
  if (q.type?.length) where.push(`e.event IN (${bindList(params, 'type', q.type)})`);
  if (q.quad?.length) where.push(`e.quad IN (${bindList(params, 'quad', q.quad)})`);
  if (q.source) where.push('e.source = @source'), (params.source = q.source);
  if (!ids && (q.from || q.to)) where.push(`(${UNDATED.replace(/(date|precision)/g, 'e.$1')} OR (e.date <= @to AND COALESCE(e.enddate, e.date) >= @from))`);
  const sql = `SELECT e.id, e.actor, e.recipient, e.event, e.quad, e.scale, e.date, e.enddate, e.precision, e.certainty, e.mode, e.context,
    e.cluster, e.source, ${PARTIES} AS party_list FROM events e${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY e.date, e.id`;
  const out: Act[] = [];
  for (const r of db.prepare(sql).iterate(params) as IterableIterator<Row>) {
    const { party_list, ...rest } = r;
    for (const act of toActs({ ...rest, parties: parties(party_list) })) if (matchesQuery(act, q)) out.push(act);
  }
  return out;
}
