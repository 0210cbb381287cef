import cloud from 'wx-server-sdk';
import type { NoticeBranchDoc } from '@zhibu/types';
import { recountNotices } from '../../../cloudfunctions/core/notice/recount';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, countOf, fixtureFor, type Fixture } from '../../support/fixture';
import { inbox, postNotice } from '../../support/notices';
import { startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const delivery = (noticeId: string, branchId: string) =>
  getDoc<NoticeBranchDoc>(COLLECTIONS.noticeBranches, `${noticeId}_${branchId}`);

it('50 simultaneous opens by one member give one receipt and a read count of 1', async () => {
  const noticeId = await postNotice(fx, 'secretaryA');
  const results = await Promise.all(
    Array.from({ length: 50 }, () => fx.call('memberA', 'notice', 'get', { noticeId })),
  );
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await countOf(COLLECTIONS.noticeReceipts, { noticeId })).toBe(1);
  expect((await delivery(noticeId, 'b-qhyz'))?.readCount).toBe(1);
}, 30_000);

it('200 members opening and confirming at once: 200 receipts and counts of 200', async () => {
  const { branch, secretary, members } = await aBranchOf(199, '并发测试党支部');
  const noticeId = await postNotice(fx, secretary.openid!, { requireConfirm: true });
  const openids = [secretary.openid!, ...members.map((m) => m.openid!)];
  const opened = await Promise.all(openids.map((o) => fx.call(o, 'notice', 'get', { noticeId })));
  expect(opened.filter((r) => !r.ok)).toEqual([]);
  const confirmed = await Promise.all(
    openids.flatMap((o) => [
      fx.call(o, 'notice', 'confirm', { noticeId }),
      fx.call(o, 'notice', 'confirm', { noticeId }),
    ]),
  );
  expect(confirmed.filter((r) => !r.ok)).toEqual([]);
  expect(await countOf(COLLECTIONS.noticeReceipts, { noticeId })).toBe(200);
  expect(await delivery(noticeId, branch._id)).toMatchObject({
    audienceCount: 200,
    readCount: 200,
    confirmedCount: 200,
  });
}, 60_000);

it('the recount finds no drift after concurrent writes, repairs a lost increment, and never overwrites a live one', async () => {
  const { branch, secretary, members } = await aBranchOf(60, '重算测试党支部');
  const noticeId = await postNotice(fx, secretary.openid!);
  const month = (await delivery(noticeId, branch._id))!.month;
  // Opens race with recounts: whatever interleaving, the counter ends exact.
  await Promise.all([
    ...members.map((m) => fx.call(m.openid!, 'notice', 'get', { noticeId })),
    recountNotices([month]),
    recountNotices([month]),
  ]);
  expect((await delivery(noticeId, branch._id))?.readCount).toBe(60);
  expect((await recountNotices([month])).drift.filter((d) => d.deliveryId.startsWith(noticeId))).toEqual([]);

  // A function that stopped between the receipt and its counter leaves the counter short.
  await cloud
    .database()
    .collection(COLLECTIONS.noticeBranches)
    .doc(`${noticeId}_${branch._id}`)
    .update({ data: { readCount: 57 } });
  // While the reads are minutes old their bumps may still be on the way: the recount leaves them.
  await recountNotices([month]);
  expect((await delivery(noticeId, branch._id))?.readCount).toBe(57);
  const report = await recountNotices([month], Date.now() + 3 * 60_000);
  expect(report.drift).toContainEqual({
    deliveryId: `${noticeId}_${branch._id}`,
    field: 'readCount',
    recorded: 57,
    actual: 60,
  });
  expect((await delivery(noticeId, branch._id))?.readCount).toBe(60);
}, 60_000);

it('a member’s list costs at most 3 database operations, whatever the number of notices', async () => {
  const { secretary, members } = await aBranchOf(3, '列表测试党支部');
  const reader = members[0]!.openid!;
  const cost = async () => {
    runtime.seam.reset();
    const list = await inbox(fx, reader, 1, 20);
    return { calls: runtime.seam.calls, list };
  };
  await postNotice(fx, secretary.openid!);
  const few = await cost();
  for (let i = 0; i < 40; i++) await postNotice(fx, secretary.openid!, { title: `第${i}号通知`, pinned: i % 7 === 0 });
  await fx.call(reader, 'notice', 'get', { noticeId: few.list.items[0]!.noticeId });
  const many = await cost();
  expect(few.calls).toBeLessThanOrEqual(3);
  expect(many.calls).toBe(few.calls);
  expect(many.list).toMatchObject({ total: 41, unread: 40 });
  expect(many.list.items).toHaveLength(20);
  expect(many.list.items.slice(0, 6).every((i) => i.pinned)).toBe(true);
}, 60_000);

it('every query is covered by a declared index', () => {
  expect(runtime.indexWarnings).toEqual([]);
});
