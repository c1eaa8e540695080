import cliProgress from 'cli-progress';
import type { ClusterProgress } from '../types.js';
import { counted } from './words.js';

export interface Progress {
  /** `units` more done (default one), of `weight` (bytes) in the total. */
  tick(weight: number, units?: number): void;
  done(): void;
}

/**
 * A progress bar with rate and ETA on a terminal; plain log lines every few seconds when piped.
 * `total` is in the same unit as the weights (bytes of input); `unit` names what is counted (story, row), `units`
 * more than one.
 */
export function progress(unit: string, units: string, total: number, isTTY: boolean, log: (s: string) => void): Progress {
  const started = Date.now();
  let count = 0;
  let weight = 0;
  if (isTTY && total > 0) {
    const bar = new cliProgress.SingleBar({
      format: `{bar} {percentage}% | {count} ${units} | {rate} ${units}/s | ETA {eta_formatted}`,
      stream: process.stderr, hideCursor: true, etaBuffer: 50,
    }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, { count: 0, rate: 0 });
    return {
      tick(w, n = 1) {
        count += n;
        weight += w;
        const secs = Math.max((Date.now() - started) / 1000, 0.001);
        bar.update(Math.min(weight, total), { count, rate: Math.round(count / secs) });
      },
      done() {
        bar.update(total, { count, rate: Math.round(count / Math.max((Date.now() - started) / 1000, 0.001)) });
        bar.stop();
      },
    };
  }
  let last = started;
  return {
    tick(w, n = 1) {
      count += n;
      weight += w;
      const t = Date.now();
      if (t - last < 2000) return;
      last = t;
      const secs = (t - started) / 1000;
      const pct = total > 0 ? ` (${Math.min(100, Math.round((weight / total) * 100))}%)` : '';
      log(`entente: ${counted(count, unit, units)}${pct}, ${Math.round(count / secs)} ${units}/s\n`);
    },
    done() {},
  };
}

/** Below this many events, clustering takes well under a second: nothing is shown. */
const CLUSTER_SHOWN_FROM = 10_000;

/** Clustering's progress on standard error, once it has enough to read to take a while. */
export function clusterProgress(isTTY: boolean, log: (s: string) => void): ClusterProgress {
  let bar: Progress | null = null;
  return {
    start(events) {
      if (events < CLUSTER_SHOWN_FROM) return;
      log(`entente: clustering ${counted(events, 'event')}\n`);
      bar = progress('event', 'events', events, isTTY, log);
    },
    advance(events) {
      bar?.tick(events, events);
    },
    writing(clusters, events) {
      if (!bar) return;
      bar.done();
      bar = null;
      log(`entente: writing ${counted(clusters, 'new or changed cluster')} of ${counted(events, 'event')}\n`);
    },
  };
}
