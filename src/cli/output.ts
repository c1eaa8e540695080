import type { CodedStory } from '../pipeline/index.js';
import type { Entity, PloverRecord } from '../types.js';

export type OutputFormat = 'jsonl' | 'json' | 'table';

/** Parties as CODE/SECTOR joined by '+', or '-' when there are none. */
export const party = (list: readonly Entity[]): string => list.map((e) => e.code + (e.sector ? `/${e.sector}` : '')).join('+') || '-';
export const clip = (s: string, n: number): string => (s.length <= n ? s : s.slice(0, n - 1) + '…');
const pad = (s: string, n: number): string => clip(s, n).padEnd(n);

export const TABLE_HEADER = [pad('story', 14), pad('sent', 4), pad('event', 9), pad('actor', 14), pad('recipient', 14), pad('date', 22), pad('claim', 30), 'evidence'].join(' ');

/** One table row per record: the columns an analyst scans first. */
export function tableRow(r: PloverRecord): string {
  const date = r.date ? `${r.date} ${r.date_precision === 'day' ? '' : `(${r.date_precision})`}` : `(${r.date_precision})`;
  const claim = `${r.attribution.certainty}${r.attribution.claimant_text ? `: ${r.attribution.claimant_text}` : ''}`;
  const extras = [r.size?.dead ? `${r.size.dead} dead` : '', r.event_loc ? `@${r.event_loc.name}` : '', r.stance !== 'report' ? `[${r.stance}]` : ''].filter(Boolean).join(' ');
  return [pad(r.story_id, 14), pad(String(r.text_info.sequence + 1), 4), pad(r.event, 9), pad(party(r.actor), 14), pad(party(r.recipient), 14), pad(date.trim(), 22), pad(claim, 30), `${clip(r.event_text, 40)}${extras ? ' ' + extras : ''}`].join(' ');
}

/** The reasons behind every record of a story, and the events left out, for --explain. */
export function explain(coded: CodedStory): string {
  const out: string[] = [];
  for (const r of coded.records) {
    out.push(`${r.id}  ${r.event}${r.mode.length ? ` (${r.mode.join(', ')})` : ''}  ${party(r.actor)} → ${party(r.recipient)}  ${r.date ?? 'no date'} [${r.date_precision}]`);
    out.push(`  sentence ${r.text_info.sequence + 1}, chars ${r.text_info.start}-${r.text_info.end}: ${r.text}`);
    out.push(`  rule     ${r.reason.rule}  on "${r.reason.tokens}"`);
    if (r.reason.frames.length) out.push(`  frames   ${r.reason.frames.join('; ')}`);
    out.push(`  roles    ${r.reason.why}`);
    for (const a of r.reason.actor) out.push(`  actor    ${a}`);
    for (const a of r.reason.recipient) out.push(`  recip.   ${a}`);
    for (const e of [...r.actor, ...r.recipient]) if (e.tenure) out.push(`  tenure   ${e.identifier_text ?? e.entity_text}: ${e.office} ${e.tenure.from} to ${e.tenure.to ?? 'now'}, in office at the event: ${e.tenure.in_office_at_event ?? 'unknown'}`);
    out.push(`  date     ${r.reason.date}`);
    if (r.reason.place) out.push(`  place    ${r.reason.place}`);
    if (r.size) out.push(`  size     ${JSON.stringify({ dead: r.size.dead, injured: r.size.injured, arrested: r.size.arrested })}`);
    out.push(`  claim    ${r.attribution.certainty}: ${r.reason.attribution}`);
    out.push(`  stance   ${r.stance}: ${r.reason.stance}`);
    out.push('');
  }
  for (const d of coded.dropped) {
    const s = d.event.sentence;
    out.push(`left out  ${d.event.event} in sentence ${s.index + 1} ("${s.tokens.slice(d.event.trigger.start, d.event.trigger.end).map((t) => t.text).join(' ')}"): ${d.why}`);
  }
  return out.join('\n');
}
