import cloud from 'wx-server-sdk';
import type { ActivityDoc, BranchMonthDoc, CheckinDoc } from '@zhibu/types';
import { recountMonths } from '../../../cloudfunctions/core/activity/recount';
import { getDoc, getDocs } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, endedAgo, happeningNow, tokenFor } from '../../support/activities';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, countOf, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  // Every database call is a jittered round trip, so requests interleave as they do on CloudBase.
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const beijingMonth = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 7);

async function monthOf(activityId: string): Promise<{ doc: BranchMonthDoc | null; activity: ActivityDoc }> {
  const activity = (await getDoc<ActivityDoc>(COLLECTIONS.activities, activityId))!;
  return {
    activity,
    doc: await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${activity.branchId}_${activity.month}`),
  };
}

/** Present records of members the activity expects: what its counter must say. */
async function presentRecords(activity: ActivityDoc): Promise<number> {
  const data = await getDocs<CheckinDoc>(
    cloud.database().collection(COLLECTIONS.checkins).where({ activityId: activity._id, state: 'present' }).limit(1000),
  );
  return data.filter((c) => activity.expectedIds.includes(c.memberId)).length;
}

describe('the recount, running while counters are written', () => {
  it('loses no check-in, leaves no phantom after a cancel, and corrects real drift', async () => {
    const { branch, secretary, members } = await aBranchOf(60, '并发重算测试党支部');
    const sec = secretary.openid!;
    const live = await createActivity(fx, sec, happeningNow({ title: '正在签到的主题党日' }));
    const toCancel = await createActivity(fx, sec, happeningNow({ title: '将被取消的党课', type: 'lecture' }));
    const toUpdate = await createActivity(
      fx,
      sec,
      happeningNow({
        title: '将扩大范围的党小组会',
        type: 'group',
        audience: { kind: 'members', memberIds: members.slice(0, 40).map((m) => m._id) },
      }),
    );
    const quiet = await createActivity(fx, sec, endedAgo(240, { title: '已结束的党员大会' }));
    // Drift on the quiet activity: ten records written hours ago that its counter never saw.
    const hoursAgo = new Date(Date.now() - 4 * 3600_000);
    await cloud
      .database()
      .collection(COLLECTIONS.checkins)
      .add({
        data: members.slice(0, 10).map((m) => ({
          _id: `${quiet}_${m._id}`,
          activityId: quiet,
          memberId: m._id,
          branchId: branch._id,
          state: 'present',
          source: 'manual',
          at: hoursAgo,
          by: secretary._id,
        })),
      });
    const months = [...new Set([beijingMonth(Date.now()), (await monthOf(quiet)).activity.month])];
    const [liveToken, cancelToken, updateToken] = await Promise.all(
      [live, toCancel, toUpdate].map((id) => tokenFor(fx, sec, id)),
    );

    const checkins = [
      ...members.map((m) => fx.call(m.openid!, 'activity', 'checkin', { token: liveToken })),
      ...members.slice(0, 30).map((m) => fx.call(m.openid!, 'activity', 'checkin', { token: cancelToken })),
      ...members.slice(0, 30).map((m) => fx.call(m.openid!, 'activity', 'checkin', { token: updateToken })),
    ];
    const later = <T>(ms: number, work: () => Promise<T>) =>
      new Promise((resolve) => setTimeout(resolve, ms)).then(work);
    const recounts = [0, 15, 40, 80].map((ms) =>
      later(ms, () => fx.call<{ drift: { activityId: string }[] }>('admin', 'jobs', 'recount', { months })),
    );
    const changes = [
      later(20, () => fx.call(sec, 'activity', 'cancel', { activityId: toCancel, reason: '与期中考试冲突' })),
      later(30, () =>
        fx.call(sec, 'activity', 'update', { activityId: toUpdate, patch: { audience: { kind: 'branch' } } }),
      ),
    ];
    const [checkinResults, recountResults, changeResults] = await Promise.all([
      Promise.all(checkins),
      Promise.all(recounts),
      Promise.all(changes),
    ]);
    expect(changeResults).toMatchObject([{ ok: true }, { ok: true }]);
    expect(recountResults.every((r) => r.ok)).toBe(true);
    expect(checkinResults.slice(0, 60).filter((r) => !r.ok)).toEqual([]);

    // Every check-in of the live activity is counted: none was overwritten by a recount.
    const liveNow = await monthOf(live);
    expect(await presentRecords(liveNow.activity)).toBe(60);
    expect(liveNow.doc?.activities[live]).toMatchObject({ expected: 61, present: 60, leave: 0 });
    // The cancelled activity has no counters, not even from check-ins that arrived after the cancel.
    expect(liveNow.doc?.activities[toCancel]).toBeUndefined();
    // The widened activity counts the whole branch and every present record.
    const updated = await monthOf(toUpdate);
    expect(updated.doc?.activities[toUpdate]).toMatchObject({
      expected: 61,
      present: await presentRecords(updated.activity),
    });
    // The quiet activity's drift was found and corrected while all this went on.
    const quietNow = await monthOf(quiet);
    expect(quietNow.doc?.activities[quiet]).toMatchObject({ present: 10 });
    expect(
      recountResults
        .flatMap((r) => (r.ok ? r.data.drift : []))
        .filter((d) => (d as { activityId: string }).activityId === quiet),
    ).toContainEqual({ activityId: quiet, field: 'present', recorded: 0, actual: 10 });
    // Each month's totals are the sum of its entries.
    for (const doc of [liveNow.doc, quietNow.doc]) {
      const entries = Object.values(doc!.activities);
      expect(doc).toMatchObject({
        present: entries.reduce((n, e) => n + e.present, 0),
        expected: entries.reduce((n, e) => n + e.expected, 0),
        leave: entries.reduce((n, e) => n + e.leave, 0),
      });
    }

    // A run once everything has settled finds nothing left to correct: the live counters were exact.
    const settled = await recountMonths(months, Date.now() + 24 * 3600_000);
    expect(settled.drift.filter((d) => [live, toCancel, toUpdate, quiet].includes(d.activityId))).toEqual([]);
    expect(settled.skipped).toEqual([]);
    expect(settled.totals).toEqual([]);
  }, 60_000);

  it('leaves an activity whose check-in is open alone, and says so', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow({ title: '签到进行中' }));
    const month = beijingMonth(Date.now());
    const result = await fx.call<{ skipped: { activityId: string; reason: string }[] }>('admin', 'jobs', 'recount', {
      months: [month],
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.skipped).toContainEqual({ activityId, reason: 'open' });
  });

  it('removes the entry of an activity cancelled by a function that stopped before its counters', async () => {
    const activityId = await createActivity(fx, 'secretaryA', endedAgo(300, { title: '中途停止的取消' }));
    const { activity } = await monthOf(activityId);
    await cloud
      .database()
      .collection(COLLECTIONS.activities)
      .doc(activityId)
      .update({ data: { status: 'cancelled' } });
    const result = await recountMonths([activity.month]);
    expect(result.drift).toContainEqual({ activityId, field: 'phantom', recorded: 1, actual: 0 });
    const { doc } = await monthOf(activityId);
    expect(doc?.activities[activityId]).toBeUndefined();
    expect(await countOf(COLLECTIONS.activities, { _id: activityId, status: 'cancelled' })).toBe(1);
  });
});
