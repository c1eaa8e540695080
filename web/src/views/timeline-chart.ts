import type uPlot from 'uplot';
import type { GapPeriod, Tally, Timeline, TimelinePeriod } from '../types.js';

const secs = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;
const coop = (t: Tally): number => t.quad[0] + t.quad[1];
const conflict = (t: Tally): number => t.quad[2] + t.quad[3];

const GREEN = '#1b7f4b';
const RED = '#b3261e';

/**
 * The dyad's timeline as a uPlot chart (loaded on first use): cooperation and conflict both ways, say-do gap
 * periods shaded; a click on the chart picks the period under the cursor.
 */
export async function drawTimeline(box: HTMLElement, t: Timeline, gaps: readonly GapPeriod[], onPick: (p: TimelinePeriod) => void): Promise<void> {
  const [{ default: UPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
  const xs = t.periods.map((p) => secs(p.from));
  const data: uPlot.AlignedData = [
    xs,
    t.periods.map((p) => coop(p.ab)), t.periods.map((p) => coop(p.ba)),
    t.periods.map((p) => conflict(p.ab)), t.periods.map((p) => conflict(p.ba)),
  ];
  const shade = (u: uPlot): void => {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.fillStyle = 'rgba(230, 160, 0, 0.22)';
    for (const g of gaps) {
      const x0 = u.valToPos(secs(g.from), 'x', true);
      const x1 = u.valToPos(secs(g.to) + 86_400, 'x', true);
      const left = Math.max(bbox.left, x0);
      const right = Math.min(bbox.left + bbox.width, x1);
      if (right > left) ctx.fillRect(left, bbox.top, Math.max(right - left, 3), bbox.height);
    }
    ctx.restore();
  };
  const width = (): number => Math.max(280, box.clientWidth);
  const opts: uPlot.Options = {
    width: width(), height: 280,
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    series: [
      {},
      { label: `coop ${t.a}→${t.b}`, stroke: GREEN, width: 2, points: { show: true, size: 6 } },
      { label: `coop ${t.b}→${t.a}`, stroke: GREEN, width: 2, dash: [6, 4], points: { show: true, size: 6 } },
      { label: `conflict ${t.a}→${t.b}`, stroke: RED, width: 2, points: { show: true, size: 6 } },
      { label: `conflict ${t.b}→${t.a}`, stroke: RED, width: 2, dash: [6, 4], points: { show: true, size: 6 } },
    ],
    axes: [{}, { label: 'acts', size: 50 }],
    legend: { show: false },
    hooks: { drawClear: [shade] },
  };
  box.replaceChildren();
  const u = new UPlot(opts, data, box);
  u.over.addEventListener('click', () => {
    const i = u.cursor.idx;
    if (i !== null && i !== undefined && t.periods[i]) onPick(t.periods[i]!);
  });
  u.over.style.cursor = 'pointer';
  const resize = new ResizeObserver(() => u.setSize({ width: width(), height: 280 }));
  resize.observe(box);
}
