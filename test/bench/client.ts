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

export interface Timed {
  ops: number;
  p50: number;
  p95: number;
}

/**
 * Runs each piece of work `times` times on an in-process runtime, taking turns, so that whatever
 * slows the process for a while (a garbage collection of the seeded data) falls on all alike: per
 * piece, the most database operations one run took (the seam's count), and the p50 and p95 of its
 * durations in ms.
 */
export async function timedTurns<W extends (() => Promise<unknown>)[]>(
  runtime: Pick<LocalRuntime, 'seam'>,
  times: number,
  works: [...W],
): Promise<{ [K in keyof W]: Timed }> {
  const runs = works.map((work) => ({ work, latencies: [] as number[], ops: 0 }));
  for (let i = 0; i < times; i++) {
    for (const run of runs) {
      runtime.seam.reset();
      const started = performance.now();
      await run.work();
      run.latencies.push(performance.now() - started);
      run.ops = Math.max(run.ops, runtime.seam.calls);
    }
  }
  return runs.map(({ latencies, ops }) => {
    latencies.sort((x, y) => x - y);
    return { ops, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  }) as { [K in keyof W]: Timed };
}

/** One piece of work timed alone (timedTurns). */
export async function timedRuns(
  runtime: Pick<LocalRuntime, 'seam'>,
  times: number,
  work: () => Promise<unknown>,
): Promise<Timed> {
  const [timed] = await timedTurns(runtime, times, [work]);
  return timed;
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
