import type { Compliance, Dashboard, Inspection } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { closeRateAndPublish, openReview, openWindow, rateAll, reviewBranch, unwrap } from './helpers';

/**
 * A published 民主评议党员 counts as held, with its evidence, for the compliance item of the same
 * name: on the branch's calendar, in the inspection scores and on the dashboard's light. It is read
 * from the reviews, so rebuilding the statistics counters leaves it counted.
 */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const year = openWindow().year;

async function reviewItem(branchId: string) {
  const calendar = unwrap(await fx.call<Compliance>('admin', 'stats', 'compliance', { branchId, year }));
  return calendar.items.find((i) => i.item === 'review')!;
}

async function inspectionDetail(branchId: string) {
  const inspection = unwrap(await fx.call<Inspection>('admin', 'stats', 'inspection', { period: String(year) }));
  return inspection.branches.find((b) => b.branchId === branchId)!.items.find((i) => i.key === 'review')!;
}

it('counts only once published, on the calendar and in the inspection, and survives a recount', async () => {
  const w = await reviewBranch(2);
  const reviewId = await openReview(fx.call, w);
  expect((await reviewItem(w.branch._id)).held).toBe(0);
  await rateAll(fx.call, w, reviewId, () => '合格');
  await closeRateAndPublish(fx.call, w, reviewId);

  const item = await reviewItem(w.branch._id);
  expect(item).toMatchObject({ status: 'done', held: 1, missingMinutes: 0 });
  expect(item.evidence).toHaveLength(1);
  expect((await inspectionDetail(w.branch._id)).detail).toBe('完成 1/1');

  unwrap(await fx.call('admin', 'jobs', 'recount', {}));
  expect(await reviewItem(w.branch._id)).toMatchObject({ status: 'done', held: 1 });
});

it('the dashboard stays within 10 database operations with published reviews to read', async () => {
  const w = await reviewBranch(2, '看板测试学校党支部');
  const reviewId = await openReview(fx.call, w);
  await closeRateAndPublish(fx.call, w, reviewId);
  runtime.seam.reset();
  const dashboard = unwrap(await fx.call<Dashboard>('admin', 'stats', 'dashboard', { period: String(year) }));
  expect(runtime.seam.calls).toBeLessThanOrEqual(10);
  const row = dashboard.branches.find((b) => b.branchId === w.branch._id)!;
  expect(row.reasons.join('')).not.toContain('民主评议党员');
});
