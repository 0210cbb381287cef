import cloud from 'wx-server-sdk';
import type { Result } from '@zhibu/types';
import { startRuntime, type LocalRuntime, type RuntimeOptions } from '../../emulator/runtime';
import { seedDemoData } from '../../emulator/seed/seed';

let current: LocalRuntime | null = null;
let reported = 0;

/**
 * A local runtime for one test file: in-memory database, demo county seeded unless asked not to.
 * Each jest test file has its own module registry, so each gets its own SDK state and seams.
 *
 * A query that no index declared in cloudfunctions/database-indexes.json serves fails the request
 * (see emulator/indexes.ts), and, in case the function swallowed that failure, the test during
 * which it ran fails too (the afterEach below).
 */
export async function startTestRuntime(
  options: Partial<RuntimeOptions> & { seed?: boolean } = {},
): Promise<LocalRuntime> {
  const runtime = await startRuntime({ dataDir: null, indexCheck: 'fail', ...options });
  current = runtime;
  reported = 0;
  if (options.seed !== false) await seedDemoData(cloud.database());
  return runtime;
}

// Registered when a test file imports this module, so it runs after each of that file's tests.
if (typeof afterEach === 'function') {
  afterEach(() => {
    const found = current?.indexWarnings.slice(reported) ?? [];
    reported += found.length;
    if (found.length > 0) {
      throw new Error(
        `queries that no declared index serves ran during this test (or the setup before it):\n${found.map((m) => `  - ${m}`).join('\n')}`,
      );
    }
  });
}

/** Calls `name.action` as the WeChat user `openid` (null: a caller WeChat could not identify). */
export function callAs<T = unknown>(
  runtime: LocalRuntime,
  openid: string | null,
  name: string,
  action: string,
  data?: unknown,
): Promise<Result<T>> {
  return runtime.invoke(name, data === undefined ? { action } : { action, data }, { openid }) as Promise<Result<T>>;
}

/** The demo people tests refer to by role; ids follow the seed's `<branch>-<nn>` scheme. */
export const DEMO = {
  secretaryA: { memberId: 'b-qhyz-01', openid: 'demo_b-qhyz-01', branchId: 'b-qhyz' },
  /** On A's committee, not its secretary. */
  committeeA: { memberId: 'b-qhyz-02', openid: 'demo_b-qhyz-02', branchId: 'b-qhyz' },
  memberA: { memberId: 'b-qhyz-04', openid: 'demo_b-qhyz-04', branchId: 'b-qhyz' },
  unboundA: { memberId: 'b-qhyz-14', branchId: 'b-qhyz' },
  secretaryB: { memberId: 'b-sybx-01', openid: 'demo_b-sybx-01', branchId: 'b-sybx' },
  memberB: { memberId: 'b-sybx-03', openid: 'demo_b-sybx-03', branchId: 'b-sybx' },
  admin: { memberId: 'b-jgzb-02', openid: 'demo_b-jgzb-02', branchId: 'b-jgzb' },
  stranger: { openid: 'wx_unbound_stranger_0001' },
} as const;
