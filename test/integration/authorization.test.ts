import type { LocalRuntime } from '../../emulator/runtime';
import { CALLERS, fixtureFor, type Fixture } from '../support/fixture';
import { startTestRuntime } from '../support/runtime';
import { AUTHORIZATION_MATRIX } from './authorization.matrix';

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
    } else {
      expect(result).toMatchObject({ ok: false, code: expected });
      expect(runtime.engine.totalChanges()).toBe(before);
    }
  });
});

describe('the queries behind every action', () => {
  it('are each covered by an index declared in cloudfunctions/database-indexes.json', () => {
    expect(runtime.indexWarnings).toEqual([]);
  });
});
