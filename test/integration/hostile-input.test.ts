import fc from 'fast-check';
import { contracts, type ActionContract } from '@zhibu/types';
import type { LocalRuntime } from '../../emulator/runtime';
import { fixtureFor, type Fixture } from '../support/fixture';
import { startTestRuntime } from '../support/runtime';

/**
 * The malformed half of hostile input: data the contracts refuse before any handler runs. The
 * well-formed half — real ids aimed at the wrong branch, person or state, and sizes at and past the
 * limits — is in ./hostile/.
 */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

/** Values people and attackers send: operator objects, prototype keys, huge and odd strings. */
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    { $gt: '' },
    { $ne: null },
    { $where: 'sleep(1000)' },
    { __proto__: { admin: true } },
    { constructor: { prototype: { polluted: true } } },
    '.*',
    '^(a+)+$',
    'x'.repeat(5000),
    '\u0000',
    '<script>alert(1)</script>',
    -1,
    1e308,
    Number.NaN,
    [],
  ),
);
const hostileData = fc.oneof(hostileValue, fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 6 }));

const actions = Object.entries(contracts).flatMap(([fn, actionsOf]) =>
  Object.entries(actionsOf as Record<string, ActionContract>).map(
    ([action, contract]) => [`${fn}.${action}`, fn, action, contract] as const,
  ),
);

describe('hostile and malformed data', () => {
  it.each(actions)(
    '%s answers a structured INVALID_ARGUMENT and writes nothing',
    async (_label, fn, action, contract) => {
      await fc.assert(
        fc.asyncProperty(
          hostileData.filter((data) => !contract.input.safeParse(data).success),
          fc.constantFrom('secretaryA', 'memberA', 'admin'),
          async (data, caller) => {
            const before = runtime.engine.totalChanges();
            const result = await fx.call(caller, fn, action, data);
            expect(result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
            expect(typeof (result as { message: unknown }).message).toBe('string');
            expect(runtime.engine.totalChanges()).toBe(before);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it('treats a search keyword as text, never as a pattern', async () => {
    // A NUL byte cannot sit in a BSON regex: it must still be searched for, not crash the query.
    for (const keyword of ['.*', '王.', '(', '[', '\\', '\u0000', '王\u0000', '\uD800', '$where']) {
      const result = await fx.call<{ items: { name: string }[] }>('secretaryA', 'member', 'list', {
        keyword,
        page: 1,
        pageSize: 50,
      });
      expect(result.ok).toBe(true);
      if (result.ok) for (const item of result.data.items) expect(item.name).toContain(keyword);
    }
  });

  it('answers ids from another branch as not found, not as forbidden, so ids cannot be probed', async () => {
    const result = await fx.call('memberB', 'member', 'get', { memberId: 'b-qhyz-02' });
    const missing = await fx.call('memberB', 'member', 'get', { memberId: 'no-such-member' });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(missing).toEqual(result);
  });
});
