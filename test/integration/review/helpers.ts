import type { ReviewGrade, Result } from '@zhibu/types';
import { aBranch, aMember } from '../../support/factories';

type Call = <T = unknown>(caller: string, fn: string, action: string, data?: unknown) => Promise<Result<T>>;

const DAY = 24 * 60 * 60 * 1000;
const beijingDay = (at: number) => new Date(at + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** A window holding today (Beijing): yesterday to a week ahead, of the year it starts in. */
export function openWindow(now = Date.now()) {
  const from = beijingDay(now - DAY);
  return { year: Number(from.slice(0, 4)), from, to: beijingDay(now + 7 * DAY) };
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
  return result.data;
}

/**
 * A fresh branch for one review: its secretary, one more committee member, `size` plain members
 * (all 正式党员, bound) and an 入党积极分子 who is not reviewed. Callers are their openids.
 */
export async function reviewBranch(size = 3, name = '评议测试学校党支部') {
  const branch = await aBranch({ name, partyGroups: [] });
  const secretary = await aMember(branch._id, { name: '王书记', roles: ['member', 'secretary', 'committee'] });
  const committee = await aMember(branch._id, { name: '李支委', roles: ['member', 'committee'] });
  const members = [];
  for (let i = 0; i < size; i++) members.push(await aMember(branch._id, { name: `党员${'甲乙丙丁戊己庚辛壬癸'[i]}` }));
  const activist = await aMember(branch._id, { name: '孙积极', status: '入党积极分子' });
  const people = [secretary, committee, ...members];
  return {
    branch,
    secretary: secretary.openid!,
    committee: committee.openid!,
    members: members.map((m) => ({ id: m._id, openid: m.openid! })),
    activist: { id: activist._id, openid: activist.openid! },
    people: people.map((m) => ({ id: m._id, openid: m.openid! })),
  };
}
export type ReviewBranch = Awaited<ReturnType<typeof reviewBranch>>;

export const SELF_TEXT =
  '本年度认真学习党的理论，按时参加组织生活，完成教学任务，团结同事，发挥党员先锋模范作用。'.repeat(2);

/** Opens the branch's review with a short minimum 自评 length. */
export async function openReview(call: Call, w: ReviewBranch, minSelfLength = 20): Promise<string> {
  return unwrap(await call<{ reviewId: string }>(w.secretary, 'review', 'open', { ...openWindow(), minSelfLength }))
    .reviewId;
}

/** Every reviewed person rates every other with the grade `gradeOf(rater, ratee)` gives. */
export async function rateAll(
  call: Call,
  w: ReviewBranch,
  reviewId: string,
  gradeOf: (raterIndex: number, rateeIndex: number) => ReviewGrade,
): Promise<void> {
  for (const [i, rater] of w.people.entries()) {
    for (const [j, ratee] of w.people.entries()) {
      if (i === j) continue;
      unwrap(await call(rater.openid, 'review', 'rate', { reviewId, memberId: ratee.id, grade: gradeOf(i, j) }));
    }
  }
}

/** Closes rating, gives every committee rating (`合格` unless said), and publishes. */
export async function closeRateAndPublish(
  call: Call,
  w: ReviewBranch,
  reviewId: string,
  committeeGrade: (index: number) => { grade: ReviewGrade; final?: ReviewGrade; reason?: string } = () => ({
    grade: '合格',
  }),
): Promise<void> {
  unwrap(await call(w.secretary, 'review', 'close', { reviewId }));
  for (const [i, p] of w.people.entries()) {
    unwrap(await call(w.committee, 'review', 'committeeRate', { reviewId, memberId: p.id, ...committeeGrade(i) }));
  }
  unwrap(await call(w.secretary, 'review', 'publish', { reviewId }));
}
