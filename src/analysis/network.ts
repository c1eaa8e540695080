/** Question 6: who supported and who opposed whom in a period, as a signed weighted graph (JSON or GraphML). Pure. */
import type { Act, AlignmentNetwork, DateWindow, Evidence, NetworkEdge } from '../types.js';
import { groupBy, inWindow, isDated, round2 } from './acts.js';
import { HARM, HELP, HOSTILE_WORDS, oncePerEvent, WORDS, weightOf } from './classify.js';

/** Event ids kept per edge as evidence (the edge's counts cover them all). */
const EDGE_EVIDENCE = 100;

export interface NetworkOptions {
  readonly window?: DateWindow;
  /** Keep this state's edges and the edges among its neighbours. */
  readonly around?: string;
  readonly confirmedOnly?: boolean;
  readonly name?: (code: string) => string | undefined;
}


export function network(acts: readonly Act[], opts: NetworkOptions = {}): AlignmentNetwork {
  const scored = (a: Act): Evidence | null => {
    if (!isDated(a) || (opts.window && !inWindow(a, opts.window.from, opts.window.to))) return null;
    const supports = WORDS.has(a.event) || HELP.has(a.event);
    if (!supports && !HOSTILE_WORDS.has(a.event) && !HARM.has(a.event)) return null;
    const weight = weightOf(a, opts.confirmedOnly);
    if (weight === 0) return null;
    return { act: a, side: supports ? 'aligned' : 'misaligned', kind: WORDS.has(a.event) || HOSTILE_WORDS.has(a.event) ? 'verbal' : 'material', weight, reason: a.event };
  };
  const byEdge = groupBy(acts.map(scored).filter((e): e is Evidence => e !== null), (e) => `${e.act.actor}\u0000${e.act.recipient}`);
  let edges: NetworkEdge[] = [...byEdge].map(([key, list]) => {
    const [source, target] = key.split('\u0000') as [string, string];
    const once = oncePerEvent(list);
    const support = round2(once.filter((e) => e.side === 'aligned').reduce((s, e) => s + e.weight, 0));
    const opposition = round2(once.filter((e) => e.side === 'misaligned').reduce((s, e) => s + e.weight, 0));
    const weight = round2(support - opposition);
    return { source, target, weight, sign: weight > 0 ? 1 : weight < 0 ? -1 : 0, support, opposition, events: [...new Set(list.map((e) => e.act.id))].slice(0, EDGE_EVIDENCE) };
  });
  const around = opts.around ?? null;
  if (around) {
    const near = new Set([around, ...edges.filter((e) => e.source === around || e.target === around).flatMap((e) => [e.source, e.target])]);
    edges = edges.filter((e) => near.has(e.source) && near.has(e.target));
  }
  edges.sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight) || x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
  const acts_ = new Map<string, number>();
  for (const e of edges) for (const n of [e.source, e.target]) acts_.set(n, (acts_.get(n) ?? 0) + e.support + e.opposition);
  const nodes = [...acts_].sort((x, y) => x[0].localeCompare(y[0])).map(([id, n]) => ({ id, label: opts.name?.(id) ?? id, acts: round2(n) }));
  return { window: opts.window ?? null, around, nodes, edges };
}

const xml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The network as GraphML for Gephi and other graph tools: directed edges with weight, sign, support and opposition. */
export function toGraphML(net: AlignmentNetwork): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="acts" for="node" attr.name="acts" attr.type="double"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="sign" for="edge" attr.name="sign" attr.type="int"/>',
    '  <key id="support" for="edge" attr.name="support" attr.type="double"/>',
    '  <key id="opposition" for="edge" attr.name="opposition" attr.type="double"/>',
    '  <key id="events" for="edge" attr.name="events" attr.type="string"/>',
    '  <graph id="entente" edgedefault="directed">',
    ...net.nodes.map((n) => `    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="acts">${n.acts}</data></node>`),
    ...net.edges.map((e, i) => `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="weight">${e.weight}</data><data key="sign">${e.sign}</data>`
      + `<data key="support">${e.support}</data><data key="opposition">${e.opposition}</data><data key="events">${e.events.join(' ')}</data></edge>`),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}
