import cloud from 'wx-server-sdk';
import {
  COLLECTIONS,
  type Compliance,
  type OwnResult,
  type ReviewBallotDoc,
  type ReviewMemberDoc,
  type ReviewMine,
  type ReviewProgress,
  type Result,
  type SheetItem,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { openReview, openWindow, reviewBranch, SELF_TEXT, unwrap } from './helpers';

/** Rating, 自评, double votes and the weighted, capped result, with database latency on. */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

/** The stored documents matching `where`, read in `_id` order (as an inspector of the database would). */
async function docsOf<T>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  const { data } = (await cloud
    .database()
    .collection(collection)
    .orderBy('_id', 'asc')
    .limit(1000)
    .get()) as unknown as {
    data: Record<string, unknown>[];
  };
  return data.filter((d) => Object.entries(where).every(([k, v]) => d[k] === v)) as T[];
}

describe('opening', () => {
  it('fixes the full and probationary members at opening; one review per branch and year', async () => {
    const w = await reviewBranch(2);
    const reviewId = await openReview(fx.call, w);
    const mine = unwrap(await fx.call<ReviewMine>(w.members[0]!.openid, 'review', 'mine'));
    expect(mine.review).toMatchObject({ reviewId, reviewed: 4, status: 'open', rating: true });
    expect(mine).toMatchObject({ reviewed: true, rated: 0, toRate: 3, selfText: null });
    const activist = unwrap(await fx.call<ReviewMine>(w.activist.openid, 'review', 'mine'));
    expect(activist).toMatchObject({ reviewed: false, toRate: 0 });
    expectRefused(
      await fx.call(w.activist.openid, 'review', 'rate', { reviewId, memberId: w.people[0]!.id, grade: '优秀' }),
      'FORBIDDEN',
    );
    expectRefused(await fx.call(w.secretary, 'review', 'open', { ...openWindow(), minSelfLength: 20 }), 'CONFLICT');
    // A member bound later is not in the reviewed set.
    const { aMember } = await import('../../support/factories');
    const late = await aMember(w.branch._id, { name: '后来者' });
    const lateMine = unwrap(await fx.call<ReviewMine>(late.openid!, 'review', 'mine'));
    expect(lateMine.reviewed).toBe(false);
    expect(lateMine.review?.reviewed).toBe(4);
  });

  it('two openings at once make one review', async () => {
    const w = await reviewBranch(2);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => fx.call(w.secretary, 'review', 'open', { ...openWindow(), minSelfLength: 20 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'CONFLICT')).toBe(true);
    expect(await docsOf(COLLECTIONS.reviews, { branchId: w.branch._id })).toHaveLength(1);
  });
});

describe('自评', () => {
  it('checks the minimum length on the server, in characters', async () => {
    const w = await reviewBranch(1);
    const reviewId = await openReview(fx.call, w, 30);
    const me = w.members[0]!.openid;
    expectRefused(await fx.call(me, 'review', 'selfAssess', { reviewId, text: '认真学习。' }), 'INVALID_ARGUMENT');
    expect(
      unwrap(await fx.call<{ length: number }>(me, 'review', 'selfAssess', { reviewId, text: SELF_TEXT })),
    ).toEqual({
      length: [...SELF_TEXT].length,
    });
    expect(unwrap(await fx.call<ReviewMine>(me, 'review', 'mine')).selfText).toBe(SELF_TEXT);
  });
});

describe('voting', () => {
  it('rating yourself is INVALID_ARGUMENT; rating twice is CONFLICT and counts once', async () => {
    const w = await reviewBranch(2);
    const reviewId = await openReview(fx.call, w);
    const [a, b] = w.members as [{ id: string; openid: string }, { id: string; openid: string }];
    expectRefused(
      await fx.call(a.openid, 'review', 'rate', { reviewId, memberId: a.id, grade: '优秀' }),
      'INVALID_ARGUMENT',
    );
    expect(unwrap(await fx.call(a.openid, 'review', 'rate', { reviewId, memberId: b.id, grade: '优秀' }))).toEqual({
      rated: 1,
      toRate: 3,
    });
    expectRefused(await fx.call(a.openid, 'review', 'rate', { reviewId, memberId: b.id, grade: '不合格' }), 'CONFLICT');
    const [tally] = await docsOf<ReviewMemberDoc>(COLLECTIONS.reviewMembers, { reviewId, memberId: b.id });
    expect(tally!.counts).toEqual({ 优秀: 1, 合格: 0, 基本合格: 0, 不合格: 0 });
    expect(await docsOf<ReviewBallotDoc>(COLLECTIONS.reviewBallots, { reviewId })).toHaveLength(1);
  });

  it('20 simultaneous rates by one member give one vote', async () => {
    const w = await reviewBranch(2);
    const reviewId = await openReview(fx.call, w);
    const [a, b] = w.members as [{ id: string; openid: string }, { id: string; openid: string }];
    const grades = ['优秀', '合格', '基本合格', '不合格'] as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fx.call(a.openid, 'review', 'rate', { reviewId, memberId: b.id, grade: grades[i % 4] }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expectRefused(r, 'CONFLICT');
    const [tally] = await docsOf<ReviewMemberDoc>(COLLECTIONS.reviewMembers, { reviewId, memberId: b.id });
    const counted = Object.values(tally!.counts).reduce((x, y) => x + y, 0);
    expect(counted).toBe(1);
    expect(await docsOf<ReviewBallotDoc>(COLLECTIONS.reviewBallots, { reviewId })).toHaveLength(1);
    const progress = unwrap(await fx.call<ReviewProgress>(w.secretary, 'review', 'progress', { reviewId }));
    expect(progress).toMatchObject({ votes: 1, expectedVotes: 12, selfDone: 0 });
  });

  it('many members rating one member at once: every vote counted', async () => {
    const w = await reviewBranch(5);
    const reviewId = await openReview(fx.call, w);
    const target = w.people[0]!;
    const raters = w.people.slice(1);
    const results = await Promise.all(
      raters.map((r) => fx.call(r.openid, 'review', 'rate', { reviewId, memberId: target.id, grade: '合格' })),
    );
    // A vote refused for a write conflict says so and may be given again; none is lost or doubled.
    for (const [i, r] of results.entries()) {
      if (!r.ok) {
        expectRefused(r, 'CONFLICT');
        unwrap(await fx.call(raters[i]!.openid, 'review', 'rate', { reviewId, memberId: target.id, grade: '合格' }));
      }
    }
    const [tally] = await docsOf<ReviewMemberDoc>(COLLECTIONS.reviewMembers, { reviewId, memberId: target.id });
    expect(tally!.counts.合格).toBe(raters.length);
  });
});

describe('database operations (counted at the transport seam)', () => {
  it('a vote, the member’s own view and a page of the ballot stay small whatever the branch’s size', async () => {
    const w = await reviewBranch(12);
    const reviewId = await openReview(fx.call, w);
    const [a, b] = w.members as [{ id: string; openid: string }, { id: string; openid: string }];
    const ops = async (action: string, data?: unknown) => {
      runtime.seam.reset();
      unwrap(await fx.call(a.openid, 'review', action, data));
      return runtime.seam.calls;
    };
    const rate = await ops('rate', { reviewId, memberId: b.id, grade: '合格' });
    const mine = await ops('mine');
    const ballot = await ops('ballot', { reviewId, pageSize: 50 });
    // Session, review, the transaction (two reads, two writes, its begin and commit), the rater's receipts.
    expect(rate).toBeLessThanOrEqual(9);
    // Session, review, the member's own document, their receipts (one read by id for all the others).
    expect(mine).toBeLessThanOrEqual(4);
    // Session, review, the page's names, the page's receipts.
    expect(ballot).toBeLessThanOrEqual(4);
  });
});

describe('the committee, the result and the 公示', () => {
  it('caps 优秀, needs a reason to differ from the computed grade, publishes, and counts for compliance', async () => {
    const w = await reviewBranch(3); // 5 reviewed: at most 1 优秀 at the default 30 %
    const reviewId = await openReview(fx.call, w);
    const [p0, p1, p2, p3, p4] = w.people as { id: string; openid: string }[];
    // Everyone rates p0 and p1 优秀, p4 不合格, the rest 合格.
    for (const rater of w.people) {
      for (const ratee of w.people) {
        if (rater === ratee) continue;
        const grade = ratee === p0 || ratee === p1 ? '优秀' : ratee === p4 ? '不合格' : '合格';
        unwrap(await fx.call(rater.openid, 'review', 'rate', { reviewId, memberId: ratee.id, grade }));
      }
    }
    // Tallies stay hidden while rating runs.
    expectRefused(await fx.call(w.secretary, 'review', 'sheet', { reviewId }), 'FAILED_PRECONDITION');
    expectRefused(await fx.call(w.secretary, 'review', 'publish', { reviewId }), 'FAILED_PRECONDITION');
    unwrap(await fx.call(w.secretary, 'review', 'close', { reviewId }));
    expectRefused(
      await fx.call(p2!.openid, 'review', 'rate', { reviewId, memberId: p3!.id, grade: '优秀' }),
      'FAILED_PRECONDITION',
    );

    const rateAs = (memberId: string, extra: object) =>
      fx.call<SheetItem>(w.committee, 'review', 'committeeRate', { reviewId, memberId, ...extra });
    // p0: 优秀 by all and by the committee: (100 + 100) / 2 = 100 → 优秀.
    expect(unwrap(await rateAs(p0!.id, { grade: '优秀' }))).toMatchObject({
      score: 100,
      computed: '优秀',
      final: '优秀',
    });
    // p1: 优秀 by all, 合格 by the committee: (100 + 80) / 2 = 90 → 优秀 on its own, but the cap allows one:
    // p0 scores higher, so p1 is 合格.
    expect(unwrap(await rateAs(p1!.id, { grade: '合格' }))).toMatchObject({ score: 90, computed: '合格' });
    // Making p1 优秀 too would break the cap, reason or not.
    expectRefused(await rateAs(p1!.id, { grade: '合格', final: '优秀', reason: '表现突出' }), 'FAILED_PRECONDITION');
    // p2: 合格 by all and 基本合格 by the committee: (80 + 60) / 2 = 70 → 合格; the committee decides 基本合格.
    expectRefused(await rateAs(p2!.id, { grade: '基本合格', final: '基本合格' }), 'INVALID_ARGUMENT');
    expect(
      unwrap(await rateAs(p2!.id, { grade: '基本合格', final: '基本合格', reason: '多次无故缺席组织生活' })),
    ).toMatchObject({ score: 70, computed: '合格', final: '基本合格', reason: '多次无故缺席组织生活' });
    unwrap(await rateAs(p3!.id, { grade: '合格' }));
    // p4: 不合格 by all and by the committee: 40 → 不合格, which needs a reason.
    expectRefused(await rateAs(p4!.id, { grade: '不合格' }), 'INVALID_ARGUMENT');
    expectRefused(await fx.call(w.secretary, 'review', 'publish', { reviewId }), 'FAILED_PRECONDITION');
    unwrap(await rateAs(p4!.id, { grade: '不合格', reason: '长期不参加组织生活，经教育仍不改正' }));
    expectRefused(await fx.call(w.committee, 'review', 'publish', { reviewId }), 'FORBIDDEN');
    unwrap(await fx.call(w.secretary, 'review', 'publish', { reviewId }));
    expectRefused(await fx.call(w.secretary, 'review', 'publish', { reviewId }), 'CONFLICT');

    // The branch sees the published list; each member their own detail only.
    const seen = unwrap(
      await fx.call<{ items: { memberId: string; grade: string }[]; own: OwnResult | null }>(
        p3!.openid,
        'review',
        'results',
        { reviewId },
      ),
    );
    expect(seen.items.map((i) => i.grade)).toEqual(['优秀', '合格', '基本合格', '合格', '不合格']);
    expect(seen.own).toMatchObject({ memberId: p3!.id, counts: { 合格: 4 }, committeeGrade: '合格', final: '合格' });
    expect(JSON.stringify(seen)).not.toContain('长期不参加组织生活');
    const failing = unwrap(
      await fx.call<{ items: { memberId: string; reason: string }[] }>('admin', 'review', 'failing', {
        year: openWindow().year,
        pageSize: 50,
      }),
    );
    expect(failing.items.find((i) => i.memberId === p4!.id)).toMatchObject({
      reason: '长期不参加组织生活，经教育仍不改正',
    });

    // The compliance calendar: the review counts as held, with evidence, in the month it was published.
    const calendar = unwrap(
      await fx.call<Compliance>('admin', 'stats', 'compliance', { branchId: w.branch._id, year: openWindow().year }),
    );
    const item = calendar.items.find((i) => i.item === 'review')!;
    expect(item).toMatchObject({ status: 'done', held: 1, missingMinutes: 0 });
  });
});

export type { Result };
