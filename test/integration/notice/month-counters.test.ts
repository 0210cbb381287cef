import cloud from 'wx-server-sdk';
import type { BranchMonthDoc, BranchStats, NoticeBranchDoc } from '@zhibu/types';
import { recountNotices } from '../../../cloudfunctions/core/notice/recount';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, fixtureFor, type Fixture } from '../../support/fixture';
import { postNotice } from '../../support/notices';
import { DEMO, startTestRuntime } from '../../support/runtime';

/**
 * Notices' 应读 / 已读 / 已签收 in the branch-month documents (by the Beijing month of publication):
 * moved on write, read by the statistics, and rebuilt by the notice recount without losing a read.
 */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

async function monthOf(noticeId: string, branchId: string) {
  const delivery = (await getDoc<NoticeBranchDoc>(COLLECTIONS.noticeBranches, `${noticeId}_${branchId}`))!;
  const doc = (await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${branchId}_${delivery.month}`))!;
  return { month: delivery.month, doc, entry: doc.notices?.[noticeId] };
}

/** Ten minutes from now: every read is settled, none is still between its receipt and its count. */
const later = () => Date.now() + 10 * 60_000;

it('publishing counts 应读, and reading and confirming move the branch-month counters the statistics read', async () => {
  const { branch, secretary, members } = await aBranchOf(4, '通知月计数测试党支部');
  const noticeId = await postNotice(fx, secretary.openid!, { requireConfirm: true });
  const before = await monthOf(noticeId, branch._id);
  expect(before.entry).toEqual({ expected: 5, read: 0, confirmed: 0, confirm: true });
  expect(before.doc).toMatchObject({ noticeExpected: 5, noticeRead: 0, noticeConfirmed: 0, noticeConfirmExpected: 5 });

  expect((await fx.call(members[0]!.openid!, 'notice', 'get', { noticeId })).ok).toBe(true);
  expect((await fx.call(members[0]!.openid!, 'notice', 'get', { noticeId })).ok).toBe(true);
  expect((await fx.call(members[1]!.openid!, 'notice', 'confirm', { noticeId })).ok).toBe(true);
  const after = await monthOf(noticeId, branch._id);
  expect(after.entry).toEqual({ expected: 5, read: 2, confirmed: 1, confirm: true });
  expect(after.doc).toMatchObject({ noticeExpected: 5, noticeRead: 2, noticeConfirmed: 1 });

  const stats = await fx.call<BranchStats>(DEMO.admin.openid, 'stats', 'branch', {
    branchId: branch._id,
    period: after.month,
  });
  if (!stats.ok) throw new Error(stats.message);
  expect(stats.data.metrics).toMatchObject({ noticeExpected: 5, noticeRead: 2, noticeReadRate: 0.4 });

  // Withdrawn, the notice leaves the counts; the recount agrees.
  expect((await fx.call(secretary.openid!, 'notice', 'withdraw', { noticeId, reason: '内容有误，重新发布' })).ok).toBe(
    true,
  );
  const withdrawn = await monthOf(noticeId, branch._id);
  expect(withdrawn.entry).toBeUndefined();
  expect(withdrawn.doc).toMatchObject({
    noticeExpected: 0,
    noticeRead: 0,
    noticeConfirmed: 0,
    noticeConfirmExpected: 0,
  });
  const report = await recountNotices([after.month], later());
  expect(report.drift.filter((d) => d.deliveryId.startsWith(noticeId))).toEqual([]);
  expect(report.totals).not.toContain(withdrawn.doc._id);
}, 60_000);

it('the recount repairs a lost count and never overwrites reads that land while it runs', async () => {
  const { branch, secretary, members } = await aBranchOf(40, '通知重算测试党支部');
  const settled = await postNotice(fx, secretary.openid!);
  for (const m of members.slice(0, 10))
    expect((await fx.call(m.openid!, 'notice', 'get', { noticeId: settled })).ok).toBe(true);
  // Ten reads made long ago, and a function that stopped between a receipt and its counter: the
  // entry and its month's total are three short.
  const db = cloud.database();
  const _ = db.command;
  await db
    .collection(COLLECTIONS.noticeReceipts)
    .where({ noticeId: settled })
    .update({ data: { readAt: new Date(Date.now() - 3600_000) } });
  const { month, doc } = await monthOf(settled, branch._id);
  await db
    .collection(COLLECTIONS.branchMonths)
    .doc(doc._id)
    .update({ data: { [`notices.${settled}.read`]: _.inc(-3), noticeRead: _.inc(-3) } });

  // Meanwhile a second notice is read by everyone, racing with recounts.
  const live = await postNotice(fx, secretary.openid!);
  const reports = await Promise.all([
    recountNotices([month]),
    ...members.map((m) => fx.call(m.openid!, 'notice', 'get', { noticeId: live })),
    recountNotices([month]),
  ]).then((all) => all.filter((r): r is Awaited<ReturnType<typeof recountNotices>> => 'deliveries' in r));
  expect(reports.flatMap((r) => r.drift)).toContainEqual({
    deliveryId: `${settled}_${branch._id}`,
    field: 'month.read',
    recorded: 7,
    actual: 10,
  });
  const repaired = await monthOf(settled, branch._id);
  expect(repaired.entry).toMatchObject({ expected: 41, read: 10 });
  const liveEntry = await monthOf(live, branch._id);
  expect(liveEntry.entry).toMatchObject({ expected: 41, read: 40 });
  expect(liveEntry.doc).toMatchObject({ noticeExpected: 82, noticeRead: 50 });

  // Once every read has settled, a recount finds nothing to correct.
  const quiet = await recountNotices([month], later());
  expect(quiet.drift.filter((d) => d.deliveryId.startsWith(settled) || d.deliveryId.startsWith(live))).toEqual([]);
  expect(quiet.totals).not.toContain(doc._id);
}, 60_000);
