import type { ActivityDoc, BranchMonthDoc, Exemption, ExemptionList, MyRecord } from '@zhibu/types';
import { getDoc } from '../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../emulator/runtime';
import { createActivity, detail, startingIn } from '../support/activities';
import { BRANCH_A, COLLECTIONS, countOf, expectRefused, fixtureFor, type Fixture } from '../support/fixture';
import { startTestRuntime } from '../support/runtime';

/**
 * 免于参加组织生活: approved by the branch secretary (or the bureau), audited, and 应到 follows —
 * meetings to come inside it lose the member, meetings created while it runs never count them.
 */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 1 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const DAY = 24 * 3600_000;
const beijingDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const today = () => beijingDay(Date.now());
const inDays = (n: number) => beijingDay(Date.now() + n * DAY);

async function ok<T>(promise: Promise<{ ok: true; data: T } | { ok: false; code: string; message: string }>) {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.code} ${result.message}`);
  return result.data;
}

const exemption = (memberId: string, overrides: Record<string, unknown> = {}) => ({
  memberId,
  reason: 'sick_leave',
  from: today(),
  to: inDays(30),
  ...overrides,
});

describe('moving a meeting', () => {
  it('checks exemptions again at the new start: out of the window the member is expected, into it they are not', async () => {
    const member = await fx.boundMember();
    await ok(fx.call<Exemption>('secretaryA', 'member', 'addExemption', exemption(member._id, { to: inDays(10) })));
    const inside = await createActivity(fx, 'secretaryA', startingIn(3 * 24 * 60, { title: '三天后的支部党员大会' }));
    const outside = await createActivity(fx, 'secretaryA', startingIn(20 * 24 * 60, { title: '二十天后的主题党日' }));
    const expected = async (id: string) => (await getDoc<ActivityDoc>(COLLECTIONS.activities, id))!.expectedIds;
    expect(await expected(inside)).not.toContain(member._id);
    expect(await expected(outside)).toContain(member._id);
    const before = (await detail(fx, 'secretaryA', inside)).expected;

    const move = (activityId: string, days: number) => {
      const at = startingIn(days * 24 * 60) as { startAt: string; endAt: string };
      return ok(
        fx.call('secretaryA', 'activity', 'update', { activityId, patch: { startAt: at.startAt, endAt: at.endAt } }),
      );
    };
    await move(inside, 15);
    expect(await expected(inside)).toContain(member._id);
    expect((await detail(fx, 'secretaryA', inside)).expected).toBe(before + 1);
    await move(outside, 5);
    expect(await expected(outside)).not.toContain(member._id);
  });
});

describe('member.me', () => {
  it('tells a member the exemption covering today, and nothing once it is revoked', async () => {
    const member = await fx.boundMember();
    const me = async () => (await ok(fx.call<MyRecord>(member.openid!, 'member', 'me'))).exemption;
    expect(await me()).toBeNull();
    const approved = await ok(
      fx.call<Exemption>('secretaryA', 'member', 'addExemption', exemption(member._id, { reason: 'frail' })),
    );
    expect(await me()).toEqual({ reasonName: '年老体弱', from: today(), to: inDays(30) });
    const later = await ok(
      fx.call<Exemption>('secretaryA', 'member', 'addExemption', {
        ...exemption(member._id),
        from: inDays(60),
        to: inDays(90),
      }),
    );
    expect(later.current).toBe(false);
    expect((await me())?.to).toBe(inDays(30));
    await ok(fx.call('secretaryA', 'member', 'endExemption', { exemptionId: approved.exemptionId, lastDay: today() }));
    // Ended early, it still covers its new last day (today), as 应到 counts it.
    expect(await me()).toEqual({ reasonName: '年老体弱', from: today(), to: today() });
  });
});

describe('an approved exemption and 应到', () => {
  it('takes the member off meetings to come inside it, keeps them at later ones, and leaves them out of new ones', async () => {
    const member = await fx.boundMember();
    const inside = await createActivity(fx, 'secretaryA', startingIn(3 * 24 * 60, { title: '三天后的党员大会' }));
    const after = await createActivity(fx, 'secretaryA', startingIn(40 * 24 * 60, { title: '四十天后的党员大会' }));
    const before = await detail(fx, 'secretaryA', inside);
    const insideDoc = (await getDoc<ActivityDoc>(COLLECTIONS.activities, inside))!;
    expect(insideDoc.expectedIds).toContain(member._id);
    const monthBefore = (await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${BRANCH_A}_${insideDoc.month}`))!
      .activities[inside]!.expected;

    const approved = await ok(fx.call<Exemption>('secretaryA', 'member', 'addExemption', exemption(member._id)));
    expect(approved).toMatchObject({ memberId: member._id, reasonName: '长期病休', status: 'active', current: true });

    // Withdrawn from the meeting inside the window, and its 应到 (the activity's and the month's) follows.
    const insideAfter = (await getDoc<ActivityDoc>(COLLECTIONS.activities, inside))!;
    expect(insideAfter.expectedIds).not.toContain(member._id);
    expect((await detail(fx, 'secretaryA', inside)).expected).toBe(before.expected - 1);
    expect(
      (await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${BRANCH_A}_${insideDoc.month}`))!.activities[inside]!
        .expected,
    ).toBe(monthBefore - 1);
    // The meeting after its end still expects them.
    expect((await getDoc<ActivityDoc>(COLLECTIONS.activities, after))!.expectedIds).toContain(member._id);

    // A meeting created while it runs never counts them; one starting after it does.
    const created = await createActivity(fx, 'secretaryA', startingIn(5 * 24 * 60, { title: '五天后的主题党日' }));
    expect((await getDoc<ActivityDoc>(COLLECTIONS.activities, created))!.expectedIds).not.toContain(member._id);
    expect((await detail(fx, 'secretaryA', created)).expected).toBe(before.expected - 1);
    const later = await createActivity(fx, 'secretaryA', startingIn(45 * 24 * 60, { title: '四十五天后的主题党日' }));
    expect((await getDoc<ActivityDoc>(COLLECTIONS.activities, later))!.expectedIds).toContain(member._id);

    // Ended early (today its last day): a meeting created from tomorrow on expects them again.
    const ended = await ok(
      fx.call<Exemption>('secretaryA', 'member', 'endExemption', {
        exemptionId: approved.exemptionId,
        reason: '已康复',
      }),
    );
    expect(ended).toMatchObject({ status: 'ended', to: today() });
    // The meetings it took them off, and those created while it ran, expect them again, 应到 too.
    expect((await getDoc<ActivityDoc>(COLLECTIONS.activities, inside))!.expectedIds).toContain(member._id);
    expect((await detail(fx, 'secretaryA', inside)).expected).toBe(before.expected);
    expect(
      (await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${BRANCH_A}_${insideDoc.month}`))!.activities[inside]!
        .expected,
    ).toBe(monthBefore);
    expect((await getDoc<ActivityDoc>(COLLECTIONS.activities, created))!.expectedIds).toContain(member._id);
    // Ending it again changes nothing (already ended), and nothing is counted twice.
    expect((await fx.call('secretaryA', 'member', 'endExemption', { exemptionId: approved.exemptionId })).ok).toBe(
      false,
    );
    expect((await detail(fx, 'secretaryA', inside)).expected).toBe(before.expected);
    const again = await createActivity(fx, 'secretaryA', startingIn(2 * 24 * 60, { title: '两天后的党小组会' }));
    expect((await getDoc<ActivityDoc>(COLLECTIONS.activities, again))!.expectedIds).toContain(member._id);

    // Both steps are in the audit log.
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: member._id, action: 'member.addExemption' })).toBe(1);
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: member._id, action: 'member.endExemption' })).toBe(1);

    // The member sees their own record; the committee too.
    const mine = await ok(fx.call<ExemptionList>(member.openid!, 'member', 'exemptions', { memberId: member._id }));
    expect(mine).toMatchObject({ canManage: false, items: [{ exemptionId: approved.exemptionId, status: 'ended' }] });
    const committee = await ok(fx.call<ExemptionList>('committeeA', 'member', 'exemptions', { memberId: member._id }));
    expect(committee.canManage).toBe(false);
    const secretary = await ok(fx.call<ExemptionList>('secretaryA', 'member', 'exemptions', { memberId: member._id }));
    expect(secretary.canManage).toBe(true);
  }, 60_000);

  it('one starting later is revoked before it begins, with its own audit entry', async () => {
    const member = await fx.boundMember();
    const approved = await ok(
      fx.call<Exemption>(
        'admin',
        'member',
        'addExemption',
        exemption(member._id, { from: inDays(10), to: inDays(20) }),
      ),
    );
    expect(approved.current).toBe(false);
    const revoked = await ok(
      fx.call<Exemption>('admin', 'member', 'endExemption', { exemptionId: approved.exemptionId }),
    );
    expect(revoked.status).toBe('revoked');
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: member._id, action: 'member.revokeExemption' })).toBe(1);
    expectRefused(
      await fx.call('admin', 'member', 'endExemption', { exemptionId: approved.exemptionId }),
      'FAILED_PRECONDITION',
    );
  });
});

describe('who may approve, and what', () => {
  it('a member or a committee member is FORBIDDEN, another branch NOT_FOUND, and nothing is written', async () => {
    const member = await fx.boundMember();
    for (const caller of ['memberA', 'committeeA'] as const) {
      expectRefused(await fx.call(caller, 'member', 'addExemption', exemption(member._id)), 'FORBIDDEN');
    }
    expectRefused(await fx.call('secretaryB', 'member', 'addExemption', exemption(member._id)), 'NOT_FOUND');
    expectRefused(await fx.call('memberB', 'member', 'exemptions', { memberId: member._id }), 'NOT_FOUND');
    expectRefused(await fx.call('memberA', 'member', 'exemptions', { memberId: member._id }), 'FORBIDDEN');
    expect(await countOf(COLLECTIONS.exemptions, { memberId: member._id })).toBe(0);

    const approved = await ok(fx.call<Exemption>('secretaryA', 'member', 'addExemption', exemption(member._id)));
    expectRefused(
      await fx.call('secretaryB', 'member', 'endExemption', { exemptionId: approved.exemptionId }),
      'NOT_FOUND',
    );
    expectRefused(
      await fx.call('committeeA', 'member', 'endExemption', { exemptionId: approved.exemptionId }),
      'FORBIDDEN',
    );
    expect((await getDoc<{ status: string }>(COLLECTIONS.exemptions, approved.exemptionId))?.status).toBe('active');
  });

  it('外出流动 needs six months, 其他 needs its reason, and the end may not precede the start', async () => {
    const member = await fx.boundMember();
    const refused = async (overrides: Record<string, unknown>) =>
      expectRefused(
        await fx.call('secretaryA', 'member', 'addExemption', exemption(member._id, overrides)),
        'INVALID_ARGUMENT',
      );
    await refused({ reason: 'away', from: '2027-01-10', to: '2027-07-09' });
    await refused({ reason: 'other' });
    await refused({ from: inDays(5), to: inDays(1) });
    expect(await countOf(COLLECTIONS.exemptions, { memberId: member._id })).toBe(0);
    await ok(
      fx.call(
        'secretaryA',
        'member',
        'addExemption',
        exemption(member._id, { reason: 'away', from: '2027-01-10', to: '2027-07-10' }),
      ),
    );
    await ok(
      fx.call('secretaryA', 'member', 'addExemption', exemption(member._id, { reason: 'other', note: '援疆支教' })),
    );
    expect(await countOf(COLLECTIONS.exemptions, { memberId: member._id })).toBe(2);
  });
});
