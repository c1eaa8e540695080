/** Tables and CSV for the analytics commands. Every number comes with the events behind it. */
import {
  isCoded, type Act, type AlignmentNetwork, type CitedEvents, type Comparison, type CrisisWindow, type Evidence, type GapReport, type PartnershipTest,
  type StoredEvent, type Tally, type Timeline,
} from '../types.js';
import { clip } from './output.js';
import { csvCell } from '../store/csv.js';
import { counted } from './words.js';

const n = (x: number | null): string => (x === null ? '-' : String(Math.round(x * 100) / 100));
const csv = (cells: readonly unknown[]): string => cells.map(csvCell).join(',');

/** A date as the tables show it: "~" approximate, "pub:" dated only by publication. */
function when(e: StoredEvent['record']): string {
  if (!e.date) return 'undated';
  if (e.date_precision === 'day') return e.date;
  return e.date_precision === 'publication' ? `pub:${e.date}` : `~${e.date}`;
}

/** One act with the claim and the sentence or dataset row behind it; `note` goes after the parties. */
export function actLine(act: Act, events: CitedEvents, note = ''): string {
  if (act.n !== undefined) {
    return `    ${counted(act.n, `${act.event} event`)} ${act.actor}→${act.recipient}, ${act.date} to ${act.enddate} ${note}imported\n`
      + `      entente events --actor ${act.actor} --recipient ${act.recipient} --type ${act.event} --from ${act.date} --to ${act.enddate}`;
  }
  const s = events.events.get(act.id);
  const r = s?.record;
  const brief = s?.cluster == null ? undefined : events.clusters.get(s.cluster);
  const reports = brief && brief.mentions > 1 ? `; one of ${counted(brief.mentions, 'report')} from ${counted(brief.outlets, 'outlet')} (--cluster ${s!.cluster})` : '';
  const claim = !r ? '' : isCoded(r) ? `${r.attribution.certainty}${r.attribution.claimant_text ? ` (${r.attribution.claimant_text})` : ''}` : `${s.provenance.dataset} row ${s.provenance.row ?? '?'}${s.provenance.outlet ? ` (${s.provenance.outlet})` : ''}`;
  const source = !r ? '' : r.text ? `"${clip(r.text, 140)}"` : isCoded(r) ? '' : r.url ?? r.mapping;
  return `    #${act.id} ${r ? when(r) : act.date ?? 'undated'} ${act.event} ${act.actor}→${act.recipient}${act.joint ? ' (joint)' : ''} ${note}${claim}${reports}\n      ${source}`;
}

/** One evidence line: the act, its weight and why it counts. */
export const evidenceLine = (ev: Evidence, events: CitedEvents): string =>
  actLine(ev.act, events, `[${ev.weight > 0 ? '+' : ''}${n(ev.weight)}] ${ev.reason}; `);

const tallyCells = (t: Tally): unknown[] => [t.count, ...t.quad, n(t.scale_sum), n(t.scale_mean), t.clusters, n(t.unconfirmed_share), Object.entries(t.types).map(([k, v]) => `${k}:${v}`).join(';')];

export function timelineTable(t: Timeline, events: CitedEvents): string {
  const head = `${t.a} ↔ ${t.b} by ${t.by}: counts by quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)`;
  const cols = `${'period'.padEnd(9)} ${'dir'.padEnd(7)} ${'n'.padStart(5)}  q1/q2/q3/q4          scale sum/mean   events  unconfirmed`;
  const rows = t.periods.filter((p) => p.both.count > 0).flatMap((p) => [
    ['ab', `${t.a}→${t.b}`, p.ab], ['ba', `${t.b}→${t.a}`, p.ba],
  ].filter(([, , x]) => (x as Tally).count > 0).map(([, label, x]) => {
    const y = x as Tally;
    return `${p.period.padEnd(9)} ${String(label).padEnd(7)} ${String(y.count).padStart(5)}  ${y.quad.join('/').padEnd(20)} ${`${n(y.scale_sum)}/${n(y.scale_mean)}`.padEnd(16)} ${String(y.clusters).padStart(6)}  ${n(y.unconfirmed_share)}`;
  }));
  const empty = t.periods.length - t.periods.filter((p) => p.both.count > 0).length;
  const links = `events of a period: entente events --actor ${t.a} --recipient ${t.b} --from FROM --to TO (and the reverse)`;
  const undated = t.undated.length
    ? [`undated (dated only by publication; not in any period): ${t.undated.length}`, ...t.undated.map((a) => actLine(a, events))]
    : [];
  return [head, cols, ...rows, `${empty} empty periods not shown; ${links}`, ...undated].join('\n') + '\n';
}

export const timelineCsv = (t: Timeline): string =>
  [csv(['period', 'from', 'to', 'direction', 'count', 'q1', 'q2', 'q3', 'q4', 'scale_sum', 'scale_mean', 'clusters', 'unconfirmed_share', 'types']),
    ...t.periods.flatMap((p) => ([['ab', p.ab], ['ba', p.ba], ['both', p.both]] as const).map(([d, x]) => csv([p.period, p.from, p.to, d === 'ab' ? `${t.a}>${t.b}` : d === 'ba' ? `${t.b}>${t.a}` : 'both', ...tallyCells(x)])))].join('\n') + '\n';

export function crisesTable(list: readonly CrisisWindow[]): string {
  if (list.length === 0) return 'no crisis windows\n';
  const rows = list.map((c) => `${c.from}  ${c.to}  ${c.adversary.padEnd(5)} ${c.source.padEnd(8)} ${String(c.events).padStart(6)} ${n(c.intensity).padStart(9)}  ${c.peak ? `${c.peak.period} (${c.peak.events})` : '-'.padEnd(12)}  ${c.name ?? ''}`);
  return [`from        to          adv.  source   events intensity  peak month    name`, ...rows].join('\n') + '\n';
}

export const crisesCsv = (list: readonly CrisisWindow[]): string =>
  [csv(['focal', 'adversary', 'source', 'name', 'from', 'to', 'events', 'intensity', 'peak_period', 'peak_events', 'evidence']),
    ...list.map((c) => csv([c.focal, c.adversary, c.source, c.name, c.from, c.to, c.events, c.intensity, c.peak?.period, c.peak?.events, c.evidence.join(';')]))].join('\n') + '\n';

export function testTable(tests: readonly PartnershipTest[], events: CitedEvents): string {
  if (tests.length === 0) return 'no crisis window to test: give --window FROM:TO and --adversary\n';
  const out: string[] = [];
  const quiet = tests.filter((t) => t.partners.length === 0);
  for (const t of tests) {
    if (t.partners.length === 0) continue;
    const w = t.window;
    out.push(`Partnership test: ${t.focal} against ${t.adversary}, ${w.from} to ${w.to} (${w.source}${w.name ? `: ${w.name}` : ''}; ${counted(w.events, 'material-conflict event')})${t.confirmedOnly ? ', confirmed claims only' : ''}`);
    out.push('partner  declared  verdict   aligned verbal/material  misaligned verbal/material  score  reason');
    for (const p of t.partners) {
      out.push(`${p.partner.padEnd(8)} ${(p.declared ? 'yes' : 'no').padEnd(9)} ${p.verdict.padEnd(9)} ${`${n(p.aligned.verbal)} / ${n(p.aligned.material)}`.padEnd(24)} ${`${n(p.misaligned.verbal)} / ${n(p.misaligned.material)}`.padEnd(27)} ${n(p.score).padStart(5)}  ${p.reason}`);
      for (const e of p.evidence) out.push(evidenceLine(e, events));
      if (p.undated.length) out.push(`    undated evidence (not counted in the window):`);
      for (const e of p.undated) out.push(evidenceLine(e, events));
    }
    out.push('');
  }
  if (quiet.length) out.push(`${counted(quiet.length, 'window')} with no partner (none declared before, none acting in it): ${quiet.map((t) => `${t.window.from}..${t.window.to} vs ${t.adversary}`).join('; ')}`, '');
  return out.join('\n');
}

export const testCsv = (tests: readonly PartnershipTest[]): string =>
  [csv(['focal', 'adversary', 'window_from', 'window_to', 'window_source', 'partner', 'declared', 'verdict', 'aligned_verbal', 'aligned_material', 'misaligned_verbal', 'misaligned_material', 'score', 'reason', 'evidence', 'undated_evidence']),
    ...tests.flatMap((t) => t.partners.map((p) => csv([t.focal, t.adversary, t.window.from, t.window.to, t.window.source, p.partner, p.declared, p.verdict,
      p.aligned.verbal, p.aligned.material, p.misaligned.verbal, p.misaligned.material, p.score, p.reason, p.evidence.map((e) => e.act.id).join(';'), p.undated.map((e) => e.act.id).join(';')])))].join('\n') + '\n';

export function gapTable(g: GapReport, events: CitedEvents): string {
  const out = [`Say-do gap: what ${g.a} said to ${g.b} and what it did that mattered to ${g.b}, by ${g.by}`,
    `${g.b}'s crisis windows: ${g.crises.length ? g.crises.map((c) => `${c.from}..${c.to} vs ${c.adversary}${c.name ? ` (${c.name})` : ''}`).join('; ') : 'none'}`,
    'period    said  standing    did  flag  reason'];
  for (const p of g.periods) {
    if (p.said === 0 && p.did === 0 && !p.flagged) continue;
    out.push(`${p.period.padEnd(9)} ${n(p.said).padStart(4)} ${n(p.standing).padStart(9)} ${n(p.did).padStart(6)}  ${p.flagged ? 'GAP ' : '    '}  ${p.reason}`);
    if (p.flagged) for (const e of p.evidence) out.push(evidenceLine(e, events));
  }
  out.push(`${counted(g.flagged, 'period')} flagged`);
  if (g.undated.length) out.push('undated evidence (dated only by publication; never counted in a period):', ...g.undated.map((e) => evidenceLine(e, events)));
  return out.join('\n') + '\n';
}

export const gapCsv = (g: GapReport): string =>
  [csv(['period', 'from', 'to', 'said', 'standing', 'did', 'flagged', 'reason', 'evidence']),
    ...g.periods.map((p) => csv([p.period, p.from, p.to, p.said, p.standing, p.did, p.flagged, p.reason, p.evidence.map((e) => e.act.id).join(';')]))].join('\n') + '\n';

const kinds = (r: Readonly<Record<string, number>>): string => Object.entries(r).filter(([, v]) => v).map(([k, v]) => `${k} ${n(v)}`).join(', ') || '-';

export function compareTable(c: Comparison, events: CitedEvents): string {
  const out = [`Partners for ${c.focal}, ranked`, 'rank partner  score  reliability  delivered to focal | to its adversaries'];
  for (const x of c.candidates) {
    out.push(`${String(x.rank).padStart(4)} ${x.partner.padEnd(8)} ${n(x.score).padStart(5)}  ${n(x.reliability).padStart(11)}  ${kinds(x.toFocal)} | ${kinds(x.toAdversaries)}`);
    out.push(`     why: ${x.reason}; record: ${x.record.map((r) => `${r.window.from.slice(0, 7)} vs ${r.window.adversary} ${r.verdict}`).join(', ') || 'no crisis windows'}`);
    for (const e of x.evidence.slice(0, 10)) out.push(evidenceLine(e, events));
  }
  return out.join('\n') + '\n';
}

export const compareCsv = (c: Comparison): string =>
  [csv(['rank', 'partner', 'score', 'reliability', 'to_focal_military', 'to_focal_economic', 'to_focal_technology', 'to_focal_diplomatic',
    'to_adversaries_military', 'to_adversaries_economic', 'to_adversaries_technology', 'to_adversaries_diplomatic', 'reason', 'evidence']),
    ...c.candidates.map((x) => csv([x.rank, x.partner, x.score, x.reliability, x.toFocal.military, x.toFocal.economic, x.toFocal.technology, x.toFocal.diplomatic,
      x.toAdversaries.military, x.toAdversaries.economic, x.toAdversaries.technology, x.toAdversaries.diplomatic, x.reason, x.evidence.map((e) => e.act.id).join(';')]))].join('\n') + '\n';

export function networkTable(net: AlignmentNetwork): string {
  const out = [`Alignment network${net.window ? ` ${net.window.from} to ${net.window.to}` : ''}${net.around ? ` around ${net.around}` : ''}: ${net.nodes.length} states, ${net.edges.length} edges`,
    'source  target   weight  support  opposition  events'];
  for (const e of net.edges) out.push(`${e.source.padEnd(7)} ${e.target.padEnd(7)} ${n(e.weight).padStart(7)} ${n(e.support).padStart(8)} ${n(e.opposition).padStart(11)}  ${e.events.slice(0, 8).map((i) => `#${i}`).join(' ')}${e.events.length > 8 ? ' …' : ''}`);
  return out.join('\n') + '\n';
}

export const networkCsv = (net: AlignmentNetwork): string =>
  [csv(['source', 'target', 'weight', 'sign', 'support', 'opposition', 'events']), ...net.edges.map((e) => csv([e.source, e.target, e.weight, e.sign, e.support, e.opposition, e.events.join(';')]))].join('\n') + '\n';
