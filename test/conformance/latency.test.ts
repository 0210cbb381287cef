/**
 * The local runtime shows the interleavings of CloudBase: every database call is a round trip, so
 * another request runs between any two calls of one request, and `dbLatencyMs`
 * (`ZHIBU_DB_LATENCY_MS`) stretches each call by a jittered delay.
 */
import cloud from 'wx-server-sdk';
import { type LocalRuntime, latencyFromEnv, startRuntime } from '../../emulator/runtime';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's typings declare results as `Promise<T> | void`. */
let runtime: LocalRuntime | null = null;
afterEach(() => {
  runtime?.close();
  runtime = null;
});

const counters = (): any => cloud.database().collection('rateLimits');

/** A request that reads a counter, then writes it back incremented: two database calls. */
async function readThenWrite(id: string, steps: string[], name: string): Promise<void> {
  const { data } = await counters().doc(id).get();
  steps.push(`${name} read ${String(data.n)}`);
  await counters()
    .doc(id)
    .update({ data: { n: data.n + 1 } });
  steps.push(`${name} wrote`);
}

test.each([0, 4])(
  'with latency %i ms two concurrent requests interleave between their database calls (a read-then-write loses an update, as on CloudBase)',
  async (dbLatencyMs) => {
    runtime = await startRuntime({ dataDir: null, dbLatencyMs });
    await counters().add({ data: { _id: 'c', n: 0 } });
    const steps: string[] = [];
    await Promise.all([readThenWrite('c', steps, 'A'), readThenWrite('c', steps, 'B')]);
    // Both read before either wrote: the second request ran between the two calls of the first.
    expect(steps.slice(0, 2).sort()).toEqual(['A read 0', 'B read 0']);
    expect((await counters().doc('c').get()).data.n).toBe(1);
  },
);

test('without latency a database call still yields to the event loop before it answers', async () => {
  runtime = await startRuntime({ dataDir: null, dbLatencyMs: 0 });
  const order: string[] = [];
  const call = counters()
    .add({ data: { _id: 'y', n: 0 } })
    .then(() => order.push('database answered'));
  setImmediate(() => order.push('other work ran'));
  await call;
  expect(order).toEqual(['other work ran', 'database answered']);
});

test('latency applies to every call, with jitter between half and one and a half times the mean', async () => {
  runtime = await startRuntime({ dataDir: null, dbLatencyMs: 20 });
  await counters().add({ data: { _id: 'z', n: 0 } });
  const durations: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    const started = process.hrtime.bigint();
    await counters().doc('z').get();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  // Each call waits two legs of 0.25×–0.75× the mean: 10–30 ms in all, plus the timer's granularity.
  for (const ms of durations) expect(ms).toBeGreaterThanOrEqual(9);
  expect(Math.max(...durations) - Math.min(...durations)).toBeGreaterThan(1);
});

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => vars as NodeJS.ProcessEnv;

test('ZHIBU_DB_LATENCY_MS is read as milliseconds from 0 to 1000; anything else stops the runtime from starting', () => {
  expect(latencyFromEnv(env({}))).toBe(0);
  expect(latencyFromEnv(env({ ZHIBU_DB_LATENCY_MS: '' }))).toBe(0);
  expect(latencyFromEnv(env({ ZHIBU_DB_LATENCY_MS: '15' }))).toBe(15);
  expect(() => latencyFromEnv(env({ ZHIBU_DB_LATENCY_MS: 'fast' }))).toThrow('ZHIBU_DB_LATENCY_MS');
  expect(() => latencyFromEnv(env({ ZHIBU_DB_LATENCY_MS: '-1' }))).toThrow('ZHIBU_DB_LATENCY_MS');
  expect(() => latencyFromEnv(env({ ZHIBU_DB_LATENCY_MS: '5000' }))).toThrow('ZHIBU_DB_LATENCY_MS');
});

test('the runtime takes its latency from ZHIBU_DB_LATENCY_MS when no option is given', async () => {
  const saved = process.env.ZHIBU_DB_LATENCY_MS;
  process.env.ZHIBU_DB_LATENCY_MS = '30';
  try {
    runtime = await startRuntime({ dataDir: null });
  } finally {
    if (saved === undefined) delete process.env.ZHIBU_DB_LATENCY_MS;
    else process.env.ZHIBU_DB_LATENCY_MS = saved;
  }
  const started = Date.now();
  await counters().add({ data: { _id: 'e', n: 0 } });
  expect(Date.now() - started).toBeGreaterThanOrEqual(14);
});
