import { COLLECTIONS } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aMember } from '../../support/factories';
import { BRANCH_A, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { count, counter, memberWithBase, YEAR } from './helpers';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  // Latency on, so requests interleave between every database call as they do on CloudBase.
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

describe('dues under concurrency', () => {
  it('30 simultaneous payments of one month give exactly one payment, counted once', async () => {
    const { member } = await memberWithBase(fx, { name: '并发缴费' });
    const month = `${YEAR}-02`;
    const before = (await counter(month))!;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fx.call('secretaryA', 'dues', 'recordPayment', {
          memberId: member._id,
          months: [month],
          amount: 4000,
          method: i % 2 ? 'cash' : 'transfer',
          paidAt: `${YEAR}-02-10`,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await count(COLLECTIONS.duesMonths, { memberId: member._id })).toBe(1);
    expect(await count(COLLECTIONS.auditLogs, { targetId: member._id, action: 'dues.payment' })).toBe(1);
    const after = (await counter(month))!;
    expect(after.collected - before.collected).toBe(4000);
    expect(after.settled - before.settled).toBe(4000);
  });

  it('overlapping payments at once (Jan–Mar and Mar–May): one wins, the other is refused whole', async () => {
    const { member } = await memberWithBase(fx, { name: '重叠缴费' });
    const pay = (months: string[]) =>
      fx.call('secretaryA', 'dues', 'recordPayment', {
        memberId: member._id,
        months,
        amount: 4000 * months.length,
        method: 'cash',
        paidAt: `${YEAR}-01-10`,
      });
    const [a, b] = await Promise.all([
      pay([`${YEAR}-01`, `${YEAR}-02`, `${YEAR}-03`]),
      pay([`${YEAR}-03`, `${YEAR}-04`, `${YEAR}-05`]),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    // Only the winner's three months exist: the loser wrote none of its months.
    expect(await count(COLLECTIONS.duesMonths, { memberId: member._id })).toBe(3);
  });

  it('bases set for many members at once keep the branch counter exact', async () => {
    const month = `${YEAR}-07`;
    const before = (await counter(month))?.due ?? 0;
    const members = await Promise.all(
      Array.from({ length: 12 }, (_, i) => aMember(BRANCH_A, { name: `并发基数${'一二三四五六七八九十甲乙'[i]}` })),
    );
    const results = await Promise.all(
      members.map((m) =>
        fx.call('secretaryA', 'dues', 'setBase', {
          memberId: m._id,
          year: YEAR,
          base: 200_000,
          category: 'in_service',
        }),
      ),
    );
    // Each meets the others on the branch's counter document; the retries let every one through.
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect((await counter(month))!.due - before).toBe(1000 * members.length);
  });
});
