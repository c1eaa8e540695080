import type { EventFilter } from '../../types.js';

/**
 * SQL for an event filter, with named parameters. Actor and recipient match the event's first party or any
 * party of a compound event; a date range keeps events whose date span overlaps it.
 */
/** Bind `values` as @name0, @name1, ... in `params`; returns the placeholder list for an IN (...). */
export function bindList(params: Record<string, unknown>, name: string, values: readonly (string | number)[]): string {
  return values.map((v, i) => ((params[`${name}${i}`] = v), `@${name}${i}`)).join(', ');
}

export function whereClause(f: EventFilter, alias: string): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const list = (name: string, values: readonly (string | number)[]): string => bindList(params, name, values);
  for (const role of ['actor', 'recipient'] as const) {
    const codes = f[role];
    if (!codes?.length) continue;
    const inList = list(role, codes);
    // A joint act ("A and B signed") has no recipient: each actor is the other's recipient.
    const joint = role === 'recipient' ? ` OR (${alias}.recipient = '' AND ${alias}.id IN (SELECT event FROM parties WHERE role = 'actor' AND code IN (${inList})))` : '';
    where.push(`(${alias}.${role} IN (${inList}) OR ${alias}.id IN (SELECT event FROM parties WHERE role = '${role}' AND code IN (${inList}))${joint})`);
  }
  if (f.type?.length) where.push(`${alias}.event IN (${list('type', f.type)})`);
  if (f.quad?.length) where.push(`${alias}.quad IN (${list('quad', f.quad)})`);
  if (f.certainty?.length) where.push(`${alias}.certainty IN (${list('certainty', f.certainty)})`);
  if (f.ids) where.push(f.ids.length ? `${alias}.id IN (${list('id', f.ids)})` : '0');
  if (f.uids) where.push(f.uids.length ? `${alias}.uid IN (${list('uid', f.uids)})` : '0');
  if (f.clusters) where.push(f.clusters.length ? `${alias}.cluster IN (${list('cluster', f.clusters)})` : '0');
  if (f.source) {
    where.push(`${alias}.source = @source`);
    params.source = f.source;
  }
  if (f.from) {
    where.push(`COALESCE(${alias}.enddate, ${alias}.date) >= @from`);
    params.from = f.from;
  }
  if (f.to) {
    where.push(`${alias}.date <= @to`);
    params.to = f.to;
  }
  return { sql: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}
