import type { LocalRuntime } from '../../emulator/runtime';

/** A small typed client for the local HTTP server, as the H5 app speaks to it. */
export class LocalClient {
  constructor(readonly baseUrl: string) {}

  async login(openid: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/api/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
    });
    const body = (await response.json()) as { token?: string };
    if (!body.token) throw new Error(`login failed for ${openid}`);
    return body.token;
  }

  async call<T>(token: string, fn: string, action: string, data?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action, data }),
    });
    const body = (await response.json()) as { ok: boolean; data?: T; code?: string; message?: string };
    if (!body.ok) throw new Error(`${fn}.${action} failed: ${body.code} ${body.message}`);
    return body.data as T;
  }

  async dbCalls(): Promise<number> {
    const response = await fetch(`${this.baseUrl}/api/dev/stats`);
    return ((await response.json()) as { dbCalls: number }).dbCalls;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/**
 * Runs `work` `times` times one after another on an in-process runtime: the most database
 * operations one run took (the seam's count), and the p50 and p95 of their durations in ms.
 */
export async function timedRuns(
  runtime: Pick<LocalRuntime, 'seam'>,
  times: number,
  work: () => Promise<unknown>,
): Promise<{ ops: number; p50: number; p95: number }> {
  const latencies: number[] = [];
  let ops = 0;
  for (let i = 0; i < times; i++) {
    runtime.seam.reset();
    const started = performance.now();
    await work();
    latencies.push(performance.now() - started);
    ops = Math.max(ops, runtime.seam.calls);
  }
  latencies.sort((a, b) => a - b);
  return { ops, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

/** A seeded generator, so an open-loop schedule is the same run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Two pieces of work timed turn about, `times` runs each, so that whatever slows the process for a
 * while (a garbage collection of the seeded data) falls on both alike: each one's timedRuns figures.
 */
export async function timedPair(
  runtime: Pick<LocalRuntime, 'seam'>,
  times: number,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<[{ ops: number; p50: number; p95: number }, { ops: number; p50: number; p95: number }]> {
  const runs = [
    { work: first, latencies: [] as number[], ops: 0 },
    { work: second, latencies: [] as number[], ops: 0 },
  ];
  for (let i = 0; i < times; i++) {
    for (const run of runs) {
      runtime.seam.reset();
      const started = performance.now();
      await run.work();
      run.latencies.push(performance.now() - started);
      run.ops = Math.max(run.ops, runtime.seam.calls);
    }
  }
  const [a, b] = runs.map(({ latencies, ops }) => {
    latencies.sort((x, y) => x - y);
    return { ops, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  });
  return [a!, b!];
}
