import type { ActivityDetail, BranchMonthDoc, BranchStats, Compliance } from '@zhibu/types';
import { recountMonths } from '../../../cloudfunctions/core/activity/recount';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, endedAgo, startingIn } from '../../support/activities';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

/**
 * One meeting that counts for several items (a 主题党日 that is also the 党课): the compliance
 * calendar shows each item done, while its attendance is counted once.
 */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

async function ok<T>(promise: Promise<{ ok: true; data: T } | { ok: false; message: string }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe('a meeting marked as also counting for other items', () => {
  it('completes each item in the calendar, and its attendance counts once', async () => {
    const { branch, secretary, members } = await aBranchOf(4, '同时计入测试党支部');
    const sec = secretary.openid!;
    const input = endedAgo(90, { title: '主题党日暨党课', type: 'theme_day', alsoCountsAs: ['lecture'] });
    const activityId = await createActivity(fx, sec, input);
    const month = beijing(input.startAt).slice(0, 7);
    for (const m of members.slice(0, 2)) {
      await ok(
        fx.call(sec, 'activity', 'markAttendance', {
          activityId,
          memberId: m._id,
          state: 'present',
          reason: '补登签到',
        }),
      );
    }
    const saved = await ok(
      fx.call<ActivityDetail>(sec, 'activity', 'saveMinutes', {
        activityId,
        text: '学习党章并讲授专题党课。',
        photos: [],
      }),
    );
    expect(saved.alsoCountsAs).toEqual(['lecture']);

    const calendar = await ok(
      fx.call<Compliance>(DEMO.admin.openid, 'stats', 'compliance', {
        branchId: branch._id,
        year: Number(month.slice(0, 4)),
      }),
    );
    const day = beijing(input.endAt).slice(0, 10);
    const themeDay = calendar.items.find((i) => i.item === 'theme_day' && i.period === month)!;
    const lecture = calendar.items.find((i) => i.item === 'lecture' && i.period === quarterOf(month))!;
    expect(themeDay).toMatchObject({ status: 'done', held: 1, missingMinutes: 0, evidence: [day] });
    expect(lecture).toMatchObject({ status: 'done', held: 1, missingMinutes: 0, evidence: [day] });

    const stats = await ok(
      fx.call<BranchStats>(DEMO.admin.openid, 'stats', 'branch', { branchId: branch._id, period: month }),
    );
    expect(stats.metrics.held).toMatchObject({ theme_day: 1, lecture: 1 });
    // One meeting: five expected (four members and the secretary), two present, counted once.
    expect(stats.metrics).toMatchObject({ heldTotal: 1, expected: 5, present: 2, leave: 0, attendanceRate: 0.4 });
    expect(stats.trend.find((t) => t.month === month)).toMatchObject({ heldTotal: 1, attendanceRate: 0.4 });

    const doc = (await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${branch._id}_${month}`))!;
    expect(doc).toMatchObject({
      held: { theme_day: 1, lecture: 1 },
      minuted: { theme_day: 1, lecture: 1 },
      alsoHeld: 1,
    });
    expect(doc.activities[activityId]).toMatchObject({ type: 'theme_day', also: ['lecture'], minutes: true });
    const recount = await recountMonths([month]);
    expect(recount.drift.filter((d) => d.activityId === activityId)).toEqual([]);
    expect(recount.totals).not.toContain(doc._id);
  });

  it('changing what a coming meeting also counts as moves its items, and the recount agrees', async () => {
    const { branch, secretary } = await aBranchOf(3, '同时计入修改测试党支部');
    const sec = secretary.openid!;
    const input = startingIn(24 * 60, {
      title: '支部党员大会',
      type: 'party_congress',
      alsoCountsAs: ['life_meeting'],
    });
    const activityId = await createActivity(fx, sec, input);
    const monthId = `${branch._id}_${beijing(input.startAt).slice(0, 7)}`;
    expect(await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, monthId)).toMatchObject({
      held: { party_congress: 1, life_meeting: 1 },
      alsoHeld: 1,
      expected: 4,
    });

    const updated = await ok(
      fx.call<ActivityDetail>(sec, 'activity', 'update', {
        activityId,
        patch: { alsoCountsAs: ['review', 'lecture'] },
      }),
    );
    expect(updated.alsoCountsAs).toEqual(['review', 'lecture']);
    const doc = (await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, monthId))!;
    expect(doc).toMatchObject({
      held: { party_congress: 1, life_meeting: 0, review: 1, lecture: 1 },
      alsoHeld: 2,
      expected: 4,
    });
    const recount = await recountMonths([doc.month]);
    expect(recount.drift.filter((d) => d.activityId === activityId)).toEqual([]);
    expect(recount.totals).not.toContain(monthId);

    // Its own type is refused, in the create and in a patch that changes the type into the list.
    const own = await fx.call(sec, 'activity', 'create', { ...input, alsoCountsAs: ['party_congress'] });
    expect(own).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const tooMany = await fx.call(sec, 'activity', 'create', {
      ...input,
      alsoCountsAs: ['lecture', 'review', 'life_meeting', 'theme_day'],
    });
    expect(tooMany).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const clash = await fx.call(sec, 'activity', 'update', { activityId, patch: { type: 'review' } });
    expect(clash).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});
