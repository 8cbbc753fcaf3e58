import { Worker } from 'node:worker_threads';

/**
 * Measures how long a light mock takes to answer while heavy requests run, from a worker
 * thread: its clock and event loop are its own, so a server that blocks the test's thread
 * (where the app runs) shows up as latency instead of silently delaying the probes themselves.
 * Tests assert on the median of the probes that started while the heavy requests ran: robust
 * to a slow probe or two on a loaded machine, and far above 100 ms when the server is blocked
 * for most of that time.
 */
export interface Probe {
  /** Latencies (ms) of probes that started between `from` and `to` (performance.timeOrigin-based ms). */
  latencies(from: number, to: number): number[];
  stop(): Promise<void>;
}

// Open loop: a probe starts every 10 ms whether or not the previous one answered, so a
// server blocked for a second delays ~100 probes, not just the one that was in flight.
const PROBE_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const inFlight = new Set();
const probe = async () => {
  const start = performance.timeOrigin + performance.now();
  const res = await fetch(workerData.url);
  await res.arrayBuffer();
  const end = performance.timeOrigin + performance.now();
  parentPort.postMessage({ start, end, status: res.status });
};
const timer = setInterval(() => {
  const p = probe().finally(() => inFlight.delete(p));
  inFlight.add(p);
}, 10);
parentPort.on('message', async () => {
  clearInterval(timer);
  await Promise.allSettled([...inFlight]);
  parentPort.postMessage('done');
});
`;

export async function startProbe(url: string): Promise<Probe> {
  const worker = new Worker(PROBE_LOOP, { eval: true, workerData: { url } });
  const samples: { start: number; end: number; status: number }[] = [];
  let stopped = false;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  let ready!: () => void;
  const first = new Promise<void>((r) => (ready = r));
  worker.on('message', (m: 'done' | { start: number; end: number; status: number }) => {
    if (m === 'done') return done();
    if (m.status !== 200) throw new Error(`probe answered ${m.status}`);
    samples.push(m);
    ready();
  });
  await first;
  return {
    latencies: (from, to) => samples.filter((s) => s.start >= from && s.start <= to).map((s) => s.end - s.start),
    async stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage('stop');
      await finished;
      await worker.terminate();
    },
  };
}

export const now = (): number => performance.timeOrigin + performance.now();

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Sends `heavy` again and again for at least `minMs` (at least once), probing `probeUrl` from
 * a worker meanwhile; returns the probes' latencies while the heavy requests ran. One heavy
 * request is sent first, unmeasured: the first call of a route compiles its code and
 * validators once (up to ~300 ms on a loaded 2-core machine), whatever the input's size;
 * what is measured is the cost an attacker can repeat.
 */
export async function latencyDuring(probeUrl: string, heavy: () => Promise<void>, minMs = 1000): Promise<number[]> {
  await heavy();
  const probe = await startProbe(probeUrl);
  try {
    const from = now();
    do await heavy();
    while (now() - from < minMs);
    const to = now();
    await probe.stop(); // waits for the probes in flight, so their latencies count
    return probe.latencies(from, to);
  } finally {
    await probe.stop();
  }
}
