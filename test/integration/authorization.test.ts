import { contracts } from '@zhibu/types';
import type { LocalRuntime } from '../../emulator/runtime';
import { CALLERS, fixtureFor, type Fixture } from '../support/fixture';
import { startTestRuntime } from '../support/runtime';
import { AUTHORIZATION_MATRIX } from './authorization.matrix';
import { OWN_AUTHORIZATION_SUITES } from '../support/coverage';

/** Functions with an authorization suite of their own (see test/support/coverage.ts). */
const isOwnSuite = (fn: string) => (OWN_AUTHORIZATION_SUITES as readonly string[]).includes(fn);

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const cases = AUTHORIZATION_MATRIX.flatMap((row) => CALLERS.map((caller) => [row.name, caller, row] as const));

describe('the authorization matrix', () => {
  it.each(cases)('%s — %s', async (_name, caller, row) => {
    const data = await row.data(fx);
    const expected = row.expect[caller];
    const before = runtime.engine.totalChanges();
    const result = await fx.call(caller, row.fn, row.action, data);
    if (expected === 'ok') {
      expect(result).toEqual(expect.objectContaining({ ok: true }));
      if (!result.ok || caller === 'unbound') return;
      // Not only `ok`: what came back is the record asked for, and nothing the caller may not see.
      await row.check(result.data, { caller, input: data, fx });
    } else {
      expect(result).toMatchObject({ ok: false, code: expected });
      expect(runtime.engine.totalChanges()).toBe(before);
    }
  });
});

describe('the matrix itself', () => {
  it('has a row for every action of every function’s contract', () => {
    const covered = new Set(AUTHORIZATION_MATRIX.map((row) => `${row.fn}.${row.action}`));
    const central = Object.entries(contracts).filter(([fn]) => !isOwnSuite(fn));
    const missing = central.flatMap(([fn, actions]) =>
      Object.keys(actions)
        .map((action) => `${fn}.${action}`)
        .filter((name) => !covered.has(name)),
    );
    expect(missing).toEqual([]);
  });

  it('names only actions that exist', () => {
    const known = new Set(
      Object.entries(contracts).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`)),
    );
    for (const row of AUTHORIZATION_MATRIX) expect(known).toContain(`${row.fn}.${row.action}`);
  });
});

describe('the queries behind every action', () => {
  it('are each covered by an index declared in cloudfunctions/database-indexes.json', () => {
    expect(runtime.indexWarnings).toEqual([]);
  });
});
