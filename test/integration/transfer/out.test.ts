import type {
  ActivityDetail,
  BranchMonthDoc,
  BranchStats,
  MemberDoc,
  MemberListItem,
  TransferItem,
} from '@zhibu/types';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, startingIn } from '../../support/activities';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { beijingDay, beijingMonth, expectedIdsOf, ok } from './helpers';

/** Out of the bureau: the member leaves the roster as 已转出 from the transfer date; their history stays. */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const HOUR = 3600_000;
const meeting = (startMs: number, title: string) => ({
  title,
  type: 'theme_day',
  startAt: new Date(startMs).toISOString(),
  endAt: new Date(startMs + HOUR).toISOString(),
  place: '会议室',
});

describe('a transfer out of the bureau', () => {
  it('the member no longer counts in the branch statistics from the transfer date on', async () => {
    const { branch, secretary, members } = await aBranchOf(3, '转出局外测试党支部');
    const sec = secretary.openid!;
    const leaver = members[0]!;
    const now = Date.now();
    // Before the date (three days ago), after it (earlier today), and to come.
    const beforeInput = meeting(now - 72 * HOUR, '转出前的主题党日');
    const afterInput = meeting(now - 3 * HOUR, '转出后的主题党日');
    const beforeId = await createActivity(fx, sec, beforeInput);
    const afterId = await createActivity(fx, sec, afterInput);
    const comingId = await createActivity(fx, sec, startingIn(120));
    for (const id of [beforeId, afterId]) {
      await ok(
        fx.call(sec, 'activity', 'markAttendance', {
          activityId: id,
          memberId: members[1]!._id,
          state: 'present',
          reason: '补登',
        }),
      );
    }
    await ok(
      fx.call(sec, 'activity', 'markAttendance', {
        activityId: beforeId,
        memberId: leaver._id,
        state: 'present',
        reason: '补登',
      }),
    );

    const date = beijingDay(-1);
    const { transferId } = await ok(
      fx.call<{ transferId: string }>(sec, 'transfer', 'start', {
        memberId: leaver._id,
        outside: { destination: '某师范大学党委', letterNo: '组转字〔2026〕第7号', date },
      }),
    );

    const record = (await getDoc<MemberDoc>(COLLECTIONS.members, leaver._id))!;
    expect(record).toMatchObject({ status: '已转出', active: false, leftReason: 'transfer_out', openid: null });
    expect(new Date(record.leftAt!).toISOString()).toBe(new Date(`${date}T00:00:00+08:00`).toISOString());
    // From the date on they are not expected; before it they stay, with their attendance.
    expect(await expectedIdsOf(beforeId)).toContain(leaver._id);
    expect(await expectedIdsOf(afterId)).not.toContain(leaver._id);
    expect(await expectedIdsOf(comingId)).not.toContain(leaver._id);

    const expectedIn = new Map<string, { expected: number; present: number }>();
    const add = (month: string, expected: number, present: number) => {
      const m = expectedIn.get(month) ?? { expected: 0, present: 0 };
      expectedIn.set(month, { expected: m.expected + expected, present: m.present + present });
    };
    add(beijingMonth(beforeInput.startAt), 4, 2);
    add(beijingMonth(afterInput.startAt), 3, 1);
    for (const [month, figures] of expectedIn) {
      const stats = await ok(
        fx.call<BranchStats>(DEMO.admin.openid, 'stats', 'branch', { branchId: branch._id, period: month }),
      );
      expect(stats.metrics).toMatchObject(figures);
      const counters = (await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${branch._id}_${month}`))!;
      if (beijingMonth(afterInput.startAt) === month) expect(counters.activities[afterId]!.expected).toBe(3);
      if (beijingMonth(beforeInput.startAt) === month) expect(counters.activities[beforeId]!.expected).toBe(4);
    }
    const coming = await ok(fx.call<ActivityDetail>(sec, 'activity', 'get', { activityId: comingId }));
    expect(coming.expected).toBe(3);

    // The roster no longer lists them; with the left-behind included it does, as 已转出.
    const roster = await ok(fx.call<{ items: MemberListItem[] }>(sec, 'member', 'list', { page: 1, pageSize: 50 }));
    expect(roster.items.map((m) => m.memberId)).not.toContain(leaver._id);
    const all = await ok(
      fx.call<{ items: MemberListItem[] }>(sec, 'member', 'list', { page: 1, pageSize: 50, includeInactive: true }),
    );
    expect(all.items.find((m) => m.memberId === leaver._id)).toMatchObject({ status: '已转出', active: false });
    // Their history stays readable to the bureau.
    const got = await ok(fx.call<MemberListItem>(DEMO.admin.openid, 'member', 'get', { memberId: leaver._id }));
    expect(got).toMatchObject({ status: '已转出', active: false, name: leaver.name });
    const transfer = await ok(fx.call<TransferItem>(DEMO.admin.openid, 'transfer', 'get', { transferId }));
    expect(transfer).toMatchObject({
      kind: 'out',
      status: 'out',
      place: '某师范大学党委',
      letterNo: '组转字〔2026〕第7号',
      date,
      fromBranchName: '转出局外测试党支部',
    });
    // They can no longer act in the app, and nobody can move or edit them.
    expectRefused(await fx.call(leaver.openid!, 'member', 'me'), 'UNAUTHENTICATED');
    expectRefused(
      await fx.call(sec, 'transfer', 'start', { memberId: leaver._id, toBranchId: DEMO.secretaryB.branchId }),
      'FAILED_PRECONDITION',
    );
    expectRefused(
      await fx.call(sec, 'member', 'update', { memberId: leaver._id, patch: { status: '正式党员' } }),
      'FAILED_PRECONDITION',
    );
  });

  it('into the bureau from outside: the member is created from the letter and can be invited', async () => {
    const { transferId, memberId } = await ok(
      fx.call<{ transferId: string; memberId: string }>('secretaryA', 'transfer', 'receive', {
        origin: '邻县实验中学党支部',
        letterNo: '组转字〔2026〕21号',
        date: beijingDay(0),
        member: { name: '郑转入', status: '预备党员', gender: '男', phone: '13912345678' },
      }),
    );
    const member = (await getDoc<MemberDoc>(COLLECTIONS.members, memberId))!;
    expect(member).toMatchObject({
      branchId: DEMO.secretaryA.branchId,
      name: '郑转入',
      status: '预备党员',
      openid: null,
    });
    const transfer = await ok(fx.call<TransferItem>('secretaryA', 'transfer', 'get', { transferId }));
    expect(transfer).toMatchObject({ kind: 'in', status: 'in', place: '邻县实验中学党支部', memberId });
    const invite = await ok(
      fx.call<{ code: string; memberId: string }>('secretaryA', 'member', 'createInvite', { memberId }),
    );
    expect(invite.memberId).toBe(memberId);
    const bound = await ok(fx.call<{ memberId: string }>('wx_newcomer_zheng', 'member', 'bind', { code: invite.code }));
    expect(bound.memberId).toBe(memberId);
  });
});
