import cloud from 'wx-server-sdk';
import { COLLECTIONS, type DuesBoard, type DuesMonth, type DuesOverview } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aMember } from '../../support/factories';
import { BRANCH_A, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { count, counter, CURRENT, memberWithBase, month, unwrap, YEAR } from './helpers';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

/** A full member of branch A with a base of 4,000.00 yuan (1 % → 40.00 a month) from January. */
async function payingMember(name = '刘缴费') {
  const { member, monthly } = await memberWithBase(fx, { name, joinedPartyAt: '2010-07-01' });
  expect(monthly).toBe(4000);
  return member;
}

const pay = (memberId: string, months: string[], amount: number, extra: object = {}) =>
  fx.call<{ paymentId: string; due: number; voluntary: number }>('secretaryA', 'dues', 'recordPayment', {
    memberId,
    months,
    amount,
    method: 'cash',
    paidAt: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    ...extra,
  });

describe('dues bases and payments', () => {
  it('a base moves the branch counters by the member’s dues, and a new base applies from its month', async () => {
    const before = (await counter(`${YEAR}-12`))?.due ?? 0;
    const member = await payingMember();
    expect((await counter(`${YEAR}-12`))!.due - before).toBe(4000);
    // A raise from December: 6,000.00 yuan → 1.5 % → 90.00 from then on, January unchanged.
    const raise = await fx.call<{ monthly: number }>('secretaryA', 'dues', 'setBase', {
      memberId: member._id,
      year: YEAR,
      base: 600_000,
      category: 'in_service',
      fromMonth: `${YEAR}-12`,
    });
    expect(unwrap(raise).monthly).toBe(9000);
    expect((await counter(`${YEAR}-12`))!.due - before).toBe(9000);
    const view = unwrap(await fx.call<{ months: DuesMonth[] }>(member.openid!, 'dues', 'mine', { year: YEAR }));
    expect(view.months[0]!.due).toBe(4000);
    expect(view.months[11]!.due).toBe(9000);
    expect(await count(COLLECTIONS.auditLogs, { targetId: member._id, action: 'dues.setBase' })).toBe(2);
  });

  it('a probationary member pays from the month the branch meeting accepted them (or from joining)', async () => {
    const joined = `${YEAR}-05-20`;
    const { member } = await memberWithBase(fx, { name: '周预备', status: '预备党员', joinedPartyAt: joined }, 200_000);
    const view = unwrap(
      await fx.call<{ months: DuesMonth[]; startMonth: string }>(member.openid!, 'dues', 'mine', { year: YEAR }),
    );
    expect(view.startMonth).toBe(`${YEAR}-05`);
    expect(view.months.slice(0, 4).every((m) => m.due === 0 && m.state === 'none')).toBe(true);
    expect(view.months[4]!.due).toBe(1000);
    // An applicant pays nothing yet.
    const applicant = await aMember(BRANCH_A, { name: '吴申请', status: '申请入党', joinedPartyAt: null });
    expectRefused(
      await fx.call('secretaryA', 'dues', 'setBase', {
        memberId: applicant._id,
        year: YEAR,
        base: 200_000,
        category: 'in_service',
      }),
      'FAILED_PRECONDITION',
    );
  });

  it('advance payments up to 12 months; months already paid are refused and nothing is written', async () => {
    const member = await payingMember('陈预缴');
    const inYear = [month(0), month(1), month(2)].filter((m) => m.startsWith(`${YEAR}-`));
    const first = unwrap(await pay(member._id, inYear, 4000 * inYear.length));
    expect(first).toMatchObject({ due: 4000 * inYear.length, voluntary: 0 });
    const payments = await count(COLLECTIONS.duesPayments, {});
    // Overlapping the paid months.
    const overlap = await pay(member._id, [inYear.at(-1)!], 4000);
    expectRefused(overlap, 'CONFLICT');
    expect(await count(COLLECTIONS.duesPayments, {})).toBe(payments);
    expect(await count(COLLECTIONS.duesMonths, { memberId: member._id })).toBe(inYear.length);
    // Beyond 12 months ahead.
    expectRefused(await pay(member._id, [month(13)], 4000), 'INVALID_ARGUMENT');
    // A month with no base (next year's, not set).
    const nextYear = `${YEAR + 1}-01`;
    if (nextYear <= month(12)) expectRefused(await pay(member._id, [nextYear], 4000), 'FAILED_PRECONDITION');
    const view = unwrap(await fx.call<{ months: DuesMonth[] }>(member.openid!, 'dues', 'mine', { year: YEAR }));
    for (const m of view.months) {
      if (inYear.includes(m.month)) expect(m).toMatchObject({ state: 'paid', paid: 4000 });
      else if (m.month < CURRENT) expect(m.state).toBe('overdue');
      else expect(m.state).toBe('due');
    }
  });

  it('an amount other than the dues needs a reason; more is recorded as voluntary', async () => {
    const member = await payingMember('黄自愿');
    const m = `${YEAR}-01`;
    expectRefused(await pay(member._id, [m], 5000), 'INVALID_ARGUMENT');
    expect(await count(COLLECTIONS.duesMonths, { memberId: member._id })).toBe(0);
    const before = (await counter(m))!;
    const paid = unwrap(await pay(member._id, [m], 5000, { reason: '自愿多缴', method: 'transfer' }));
    expect(paid).toMatchObject({ due: 4000, voluntary: 1000 });
    const after = (await counter(m))!;
    expect(after.collected - before.collected).toBe(5000);
    expect(after.settled - before.settled).toBe(4000);
  });

  it('a hardship exemption needs the secretary, is audited, and takes the months off the dues', async () => {
    const member = await payingMember('郑困难');
    const relief = {
      memberId: member._id,
      year: YEAR,
      kind: 'exempt',
      fromMonth: `${YEAR}-11`,
      toMonth: `${YEAR}-12`,
      reason: '家庭困难，支部大会同意免缴',
    };
    expectRefused(await fx.call('committeeA', 'dues', 'setRelief', relief), 'FORBIDDEN');
    const before = (await counter(`${YEAR}-11`))!.due;
    unwrap(await fx.call('secretaryA', 'dues', 'setRelief', relief));
    expect((await counter(`${YEAR}-11`))!.due - before).toBe(-4000);
    expectRefused(await pay(member._id, [`${YEAR}-11`], 4000), 'FAILED_PRECONDITION');
    expect(await count(COLLECTIONS.auditLogs, { targetId: member._id, action: 'dues.exempt' })).toBe(1);
  });
});

describe('the 公示 board', () => {
  const quarter = `${YEAR}-Q1`;

  it('is frozen when published; a correction is a new version naming the old one; both audited', async () => {
    const member = await payingMember('孙公示');
    unwrap(await pay(member._id, [`${YEAR}-01`], 4000));
    const v1 = unwrap(
      await fx.call<{ boardId: string; version: number }>('secretaryA', 'dues', 'publish', { quarter }),
    );
    expect(v1.version).toBe(1);
    const first = unwrap(await fx.call<DuesBoard>('memberA', 'dues', 'board', { quarter }));
    expect(first.rows.find((r) => r.memberId === member._id)).toEqual({
      memberId: member._id,
      name: '孙公示',
      months: [`${YEAR}-01`],
      amount: 4000,
    });
    // A later payment does not change the published board.
    unwrap(await pay(member._id, [`${YEAR}-02`], 4000));
    const again = unwrap(await fx.call<DuesBoard>('memberA', 'dues', 'board', { quarter, boardId: v1.boardId }));
    expect(again.rows).toEqual(first.rows);
    expect(again.publishedAt).toBe(first.publishedAt);
    // Publishing again needs a reason and is a correction.
    expectRefused(await fx.call('secretaryA', 'dues', 'publish', { quarter }), 'INVALID_ARGUMENT');
    const v2 = unwrap(
      await fx.call<{ boardId: string; version: number }>('secretaryA', 'dues', 'publish', {
        quarter,
        reason: '补登二月党费',
      }),
    );
    expect(v2.version).toBe(2);
    const latest = unwrap(await fx.call<DuesBoard>('admin', 'dues', 'board', { quarter, branchId: BRANCH_A }));
    expect(latest).toMatchObject({ boardId: v2.boardId, corrects: v1.boardId, reason: '补登二月党费' });
    expect(latest.rows.find((r) => r.memberId === member._id)).toMatchObject({
      months: [`${YEAR}-01`, `${YEAR}-02`],
      amount: 8000,
    });
    expect(latest.versions.map((v) => v.boardId)).toEqual([v1.boardId, v2.boardId]);
    const old = unwrap(await fx.call<DuesBoard>('memberA', 'dues', 'board', { quarter, boardId: v1.boardId }));
    expect(old.rows).toEqual(first.rows);
    expect(await count(COLLECTIONS.auditLogs, { targetId: BRANCH_A, action: 'dues.board.publish' })).toBe(1);
    expect(await count(COLLECTIONS.auditLogs, { targetId: BRANCH_A, action: 'dues.board.correct' })).toBe(1);
    // Another branch's members are told it does not exist.
    expectRefused(await fx.call('memberB', 'dues', 'board', { quarter, branchId: BRANCH_A }), 'NOT_FOUND');
    expectRefused(await fx.call('secretaryB', 'dues', 'board', { quarter, branchId: BRANCH_A }), 'NOT_FOUND');
  });
});

describe('the bureau', () => {
  it('sees due, collected and arrears per branch and month, and exports them', async () => {
    const overview = unwrap(await fx.call<DuesOverview>('admin', 'dues', 'overview', { year: YEAR }));
    const a = overview.branches.find((b) => b.branchId === BRANCH_A)!;
    const jan = (await counter(`${YEAR}-01`))!;
    expect(a.cells[0]).toEqual({
      month: `${YEAR}-01`,
      due: jan.due,
      collected: jan.collected,
      arrears: jan.due - jan.settled,
    });
    expect(overview.branches.length).toBeGreaterThan(1);
    const exported = unwrap(
      await fx.call<{ fileId: string; fileName: string }>('admin', 'dues', 'export', { year: YEAR }),
    );
    expect(exported.fileName).toBe(`${YEAR}年党费收缴上缴表.xlsx`);
    const { fileContent } = (await cloud.downloadFile({ fileID: exported.fileId })) as { fileContent: Buffer };
    expect(fileContent.length).toBeGreaterThan(1000);
    // A secretary sees their own branch only.
    const own = unwrap(await fx.call<DuesOverview>('secretaryA', 'dues', 'overview', { year: YEAR }));
    expect(own.branches.map((b) => b.branchId)).toEqual([BRANCH_A]);
  });

  it('reminds members with overdue months once a month, to the outbox', async () => {
    if (CURRENT.endsWith('-01')) return; // no month of this year is overdue yet in January
    const member = await payingMember('钱欠缴');
    const first = unwrap(await fx.call<{ sent: number; skipped: number }>('secretaryA', 'dues', 'remind'));
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(await count('outbox', { touser: member.openid, templateId: 'local-dues-reminder' })).toBe(1);
    const second = unwrap(await fx.call<{ sent: number; skipped: number }>('secretaryA', 'dues', 'remind'));
    expect(second.sent).toBe(0);
    expect(await count('outbox', { touser: member.openid, templateId: 'local-dues-reminder' })).toBe(1);
  });
});
