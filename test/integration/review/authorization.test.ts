import {
  COLLECTIONS,
  type FailingItem,
  type OwnResult,
  type ReviewMine,
  type ReviewProgress,
  type ReviewSettings,
  type ReviewSummary,
  type Result,
  type SheetItem,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { actionCoverage } from '../../support/coverage';
import { expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { writesOf } from '../../support/snapshot';
import { openReview, openWindow, reviewBranch, SELF_TEXT, unwrap, type ReviewBranch } from './helpers';

/**
 * Every review action × every kind of caller, checking what comes back. Each row meets a fresh
 * branch in the state the action needs, so what one caller did never changes what the next meets.
 * `secretary`, `committee` and `member` belong to that branch; the others are the demo's.
 */
const CALLERS = ['secretary', 'committee', 'member', 'admin', 'memberB', 'secretaryB', 'unbound'] as const;
type Caller = (typeof CALLERS)[number];
type Stage = 'fresh' | 'open' | 'closed' | 'rated' | 'published';
interface World extends ReviewBranch {
  reviewId: string;
}
type Check = (result: Result<unknown>, w: World) => void;

let runtime: LocalRuntime;
let fx: Fixture;
const coverage = actionCoverage('review');
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

async function worldAt(stage: Stage): Promise<World> {
  const w = await reviewBranch(3);
  if (stage === 'fresh') return { ...w, reviewId: '' };
  const reviewId = await openReview(fx.call, w);
  const [, , p2, p3, p4] = w.people as { id: string; openid: string }[];
  unwrap(await fx.call(p2!.openid, 'review', 'selfAssess', { reviewId, text: SELF_TEXT }));
  unwrap(await fx.call(p2!.openid, 'review', 'rate', { reviewId, memberId: p3!.id, grade: '合格' }));
  if (stage === 'open') return { ...w, reviewId };
  unwrap(await fx.call(w.secretary, 'review', 'close', { reviewId }));
  if (stage === 'closed') return { ...w, reviewId };
  for (const p of w.people) {
    const failing = p === p4;
    unwrap(
      await fx.call(w.committee, 'review', 'committeeRate', {
        reviewId,
        memberId: p.id,
        grade: failing ? '不合格' : '合格',
        ...(failing ? { reason: '全年未参加组织生活' } : {}),
      }),
    );
  }
  if (stage === 'rated') return { ...w, reviewId };
  unwrap(await fx.call(w.secretary, 'review', 'publish', { reviewId }));
  return { ...w, reviewId };
}

const openidOf = (caller: Caller, w: World) =>
  caller === 'secretary'
    ? w.secretary
    : caller === 'committee'
      ? w.committee
      : caller === 'member'
        ? w.members[0]!.openid
        : caller;

const refused =
  (code: string): Check =>
  (result) =>
    expectRefused(result, code);
const ok =
  <T>(check: (data: T, w: World) => void): Check =>
  (result, w) => {
    if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
    check(result.data as T, w);
  };
const FORBIDDEN = refused('FORBIDDEN');
const NOT_FOUND = refused('NOT_FOUND');
const UNAUTH = refused('UNAUTHENTICATED');
const outsiders = { memberB: NOT_FOUND, secretaryB: NOT_FOUND, unbound: UNAUTH };
const summaryIs = (status: string) =>
  ok<ReviewSummary>((s, w) => expect(s).toMatchObject({ reviewId: w.reviewId, status }));
const progressOk = ok<ReviewProgress>((p, w) =>
  expect(p).toMatchObject({ review: { reviewId: w.reviewId }, votes: 1, selfDone: 1, expectedVotes: 20 }),
);
const sheetOk = ok<{ items: SheetItem[]; total: number }>((s, w) => {
  expect(s.total).toBe(5);
  expect(s.items.find((i) => i.memberId === w.people[3]!.id)!.counts.合格).toBe(1);
});
const resultsOk = (own: boolean) =>
  ok<{ items: { grade: string }[]; own: OwnResult | null }>((r) => {
    expect(r.items.map((i) => i.grade)).toEqual(['合格', '合格', '合格', '合格', '不合格']);
    expect(r.own !== null).toBe(own);
  });
const mineOfWorld = (inWorld: boolean) =>
  ok<ReviewMine>((m, w) => expect(m.review?.reviewId === w.reviewId).toBe(inWorld));

const rows: Record<string, { stage: Stage; data: (w: World) => unknown; expect: Record<Caller, Check> }> = {
  configure: {
    stage: 'fresh',
    data: () => ({}),
    expect: {
      admin: ok<ReviewSettings>((s) => expect(s).toEqual({ memberWeight: 50, committeeWeight: 50, excellentCap: 30 })),
      secretary: FORBIDDEN,
      committee: FORBIDDEN,
      member: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  open: {
    stage: 'fresh',
    data: () => ({ ...openWindow(), minSelfLength: 20 }),
    expect: {
      secretary: ok<{ reviewId: string; reviewed: number }>((d, w) =>
        expect(d).toEqual({ reviewId: `rv_${w.branch._id}_${openWindow().year}`, reviewed: 5 }),
      ),
      committee: FORBIDDEN,
      member: FORBIDDEN,
      admin: FORBIDDEN,
      memberB: FORBIDDEN,
      // Their own branch's review, never the row's branch.
      secretaryB: ok<{ reviewId: string }>((d, w) => expect(d.reviewId).not.toContain(w.branch._id)),
      unbound: UNAUTH,
    },
  },
  mine: {
    stage: 'open',
    data: () => undefined,
    expect: {
      secretary: mineOfWorld(true),
      committee: mineOfWorld(true),
      member: ok<ReviewMine>((m, w) =>
        // The member is the one who rated during setup: they, and only they, see it.
        expect(m).toMatchObject({ review: { reviewId: w.reviewId }, rated: 1, toRate: 4 }),
      ),
      admin: mineOfWorld(false),
      memberB: mineOfWorld(false),
      secretaryB: mineOfWorld(false),
      unbound: UNAUTH,
    },
  },
  ballot: {
    stage: 'open',
    data: (w) => ({ reviewId: w.reviewId }),
    expect: {
      secretary: ok<{ items: { memberId: string }[] }>((b, w) => {
        expect(b.items).toHaveLength(4);
        expect(b.items.map((i) => i.memberId)).not.toContain(w.people[0]!.id);
      }),
      committee: ok<{ total: number }>((b) => expect(b.total).toBe(4)),
      member: ok<{ items: { memberId: string; rated: boolean }[] }>((b, w) =>
        expect(b.items.filter((i) => i.rated).map((i) => i.memberId)).toEqual([w.people[3]!.id]),
      ),
      admin: NOT_FOUND,
      ...outsiders,
    },
  },
  selfAssess: {
    stage: 'open',
    data: (w) => ({ reviewId: w.reviewId, text: SELF_TEXT }),
    expect: {
      secretary: ok<{ length: number }>((d) => expect(d.length).toBe([...SELF_TEXT].length)),
      committee: ok<{ length: number }>((d) => expect(d.length).toBe([...SELF_TEXT].length)),
      member: ok<{ length: number }>((d) => expect(d.length).toBe([...SELF_TEXT].length)),
      admin: NOT_FOUND,
      ...outsiders,
    },
  },
  rate: {
    stage: 'open',
    data: (w) => ({ reviewId: w.reviewId, memberId: w.people[4]!.id, grade: '合格' }),
    expect: {
      secretary: ok<{ rated: number; toRate: number }>((d) => expect(d).toEqual({ rated: 1, toRate: 4 })),
      committee: ok<{ rated: number; toRate: number }>((d) => expect(d).toEqual({ rated: 1, toRate: 4 })),
      member: ok<{ rated: number; toRate: number }>((d) => expect(d).toEqual({ rated: 2, toRate: 4 })),
      admin: NOT_FOUND,
      ...outsiders,
    },
  },
  close: {
    stage: 'open',
    data: (w) => ({ reviewId: w.reviewId }),
    expect: {
      secretary: summaryIs('closed'),
      committee: FORBIDDEN,
      member: FORBIDDEN,
      admin: FORBIDDEN,
      ...outsiders,
    },
  },
  progress: {
    stage: 'open',
    data: (w) => ({ reviewId: w.reviewId }),
    expect: {
      secretary: progressOk,
      committee: progressOk,
      member: FORBIDDEN,
      admin: progressOk,
      ...outsiders,
    },
  },
  sheet: {
    stage: 'closed',
    data: (w) => ({ reviewId: w.reviewId }),
    expect: { secretary: sheetOk, committee: sheetOk, member: FORBIDDEN, admin: sheetOk, ...outsiders },
  },
  committeeRate: {
    stage: 'closed',
    data: (w) => ({ reviewId: w.reviewId, memberId: w.people[3]!.id, grade: '合格' }),
    expect: {
      secretary: ok<SheetItem>((s, w) =>
        expect(s).toMatchObject({ memberId: w.people[3]!.id, committeeGrade: '合格', counts: { 合格: 1 } }),
      ),
      committee: ok<SheetItem>((s) => expect(s).toMatchObject({ committeeGrade: '合格', score: 80, final: '合格' })),
      member: FORBIDDEN,
      admin: FORBIDDEN,
      ...outsiders,
    },
  },
  publish: {
    stage: 'rated',
    data: (w) => ({ reviewId: w.reviewId }),
    expect: {
      secretary: summaryIs('published'),
      committee: FORBIDDEN,
      member: FORBIDDEN,
      admin: FORBIDDEN,
      ...outsiders,
    },
  },
  results: {
    stage: 'published',
    data: (w) => ({ reviewId: w.reviewId }),
    expect: {
      secretary: resultsOk(true),
      committee: resultsOk(true),
      member: resultsOk(true),
      admin: resultsOk(false),
      ...outsiders,
    },
  },
  failing: {
    stage: 'published',
    data: () => ({ year: openWindow().year, pageSize: 50 }),
    expect: {
      admin: ok<{ items: FailingItem[] }>((f, w) =>
        expect(f.items.filter((i) => i.branchId === w.branch._id)).toEqual([
          expect.objectContaining({ memberId: w.people[4]!.id, reason: '全年未参加组织生活', name: '党员丙' }),
        ]),
      ),
      secretary: FORBIDDEN,
      committee: FORBIDDEN,
      member: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
};

describe.each(Object.entries(rows))('review.%s', (action, row) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const w = await worldAt(row.stage);
    coverage.record(caller, action);
    row.expect[caller](await fx.call(openidOf(caller, w), 'review', action, row.data(w)), w);
  });
});

describe('coverage', () => {
  it('reached every action with an entitled caller and an outsider', () => {
    expect(coverage.missing()).toEqual([]);
  });
});

describe('hostile input writes nothing', () => {
  let w: World;
  let other: World;
  beforeAll(async () => {
    w = await worldAt('open');
    other = await worldAt('closed');
  }, 30_000);

  const HUGE = '长'.repeat(20_000);
  const cases: [string, Caller, string, (w: World, other: World) => unknown, string][] = [
    [
      'open: an impossible date',
      'secretary',
      'open',
      () => ({ year: 2026, from: '2026-02-30', to: '2026-03-10' }),
      'INVALID_ARGUMENT',
    ],
    [
      'open: ends before it starts',
      'secretary',
      'open',
      () => ({ year: 2026, from: '2026-03-10', to: '2026-03-01' }),
      'INVALID_ARGUMENT',
    ],
    [
      'open: a year far from its window',
      'secretary',
      'open',
      () => ({ year: 2020, from: '2026-03-01', to: '2026-03-10' }),
      'INVALID_ARGUMENT',
    ],
    [
      'open: a negative minimum',
      'secretary',
      'open',
      () => ({ ...openWindow(), minSelfLength: -1 }),
      'INVALID_ARGUMENT',
    ],
    ['open: an extra field', 'secretary', 'open', () => ({ ...openWindow(), branchId: 'b-sybx' }), 'INVALID_ARGUMENT'],
    ['configure: weights not adding up', 'admin', 'configure', () => ({ memberWeight: 90 }), 'INVALID_ARGUMENT'],
    ['configure: a cap over 100 %', 'admin', 'configure', () => ({ excellentCap: 101 }), 'INVALID_ARGUMENT'],
    [
      'rate: an unknown grade',
      'member',
      'rate',
      (x) => ({ reviewId: x.reviewId, memberId: x.people[4]!.id, grade: '良好' }),
      'INVALID_ARGUMENT',
    ],
    [
      'rate: yourself',
      'member',
      'rate',
      (x) => ({ reviewId: x.reviewId, memberId: x.members[0]!.id, grade: '优秀' }),
      'INVALID_ARGUMENT',
    ],
    [
      'rate: an id with a query in it',
      'member',
      'rate',
      (x) => ({ reviewId: x.reviewId, memberId: { $ne: null }, grade: '优秀' }),
      'INVALID_ARGUMENT',
    ],
    [
      'rate: a member of another branch',
      'member',
      'rate',
      (x, o) => ({ reviewId: x.reviewId, memberId: o.people[1]!.id, grade: '优秀' }),
      'NOT_FOUND',
    ],
    [
      'rate: another branch’s review',
      'member',
      'rate',
      (_x, o) => ({ reviewId: o.reviewId, memberId: o.people[1]!.id, grade: '优秀' }),
      'NOT_FOUND',
    ],
    [
      'rate: a review that does not exist',
      'member',
      'rate',
      (x) => ({ reviewId: 'rv_none_2026', memberId: x.people[1]!.id, grade: '优秀' }),
      'NOT_FOUND',
    ],
    [
      'rate: the activist who is not reviewed',
      'member',
      'rate',
      (x) => ({ reviewId: x.reviewId, memberId: x.activist.id, grade: '优秀' }),
      'NOT_FOUND',
    ],
    [
      'selfAssess: a huge text',
      'member',
      'selfAssess',
      (x) => ({ reviewId: x.reviewId, text: HUGE }),
      'INVALID_ARGUMENT',
    ],
    ['selfAssess: blank', 'member', 'selfAssess', (x) => ({ reviewId: x.reviewId, text: '   ' }), 'INVALID_ARGUMENT'],
    [
      'selfAssess: another branch’s review',
      'member',
      'selfAssess',
      (_x, o) => ({ reviewId: o.reviewId, text: SELF_TEXT }),
      'NOT_FOUND',
    ],
    ['ballot: a page far out', 'member', 'ballot', (x) => ({ reviewId: x.reviewId, page: 1e9 }), 'INVALID_ARGUMENT'],
    ['ballot: another branch’s review', 'member', 'ballot', (_x, o) => ({ reviewId: o.reviewId }), 'NOT_FOUND'],
    ['mine: data it does not take', 'member', 'mine', () => ({ reviewId: 'x' }), 'INVALID_ARGUMENT'],
    ['close: another branch’s review', 'secretary', 'close', (_x, o) => ({ reviewId: o.reviewId }), 'NOT_FOUND'],
    ['progress: another branch’s review', 'secretary', 'progress', (_x, o) => ({ reviewId: o.reviewId }), 'NOT_FOUND'],
    ['sheet: another branch’s review', 'committee', 'sheet', (_x, o) => ({ reviewId: o.reviewId }), 'NOT_FOUND'],
    ['sheet: while rating runs', 'committee', 'sheet', (x) => ({ reviewId: x.reviewId }), 'FAILED_PRECONDITION'],
    [
      'committeeRate: another branch’s review',
      'committee',
      'committeeRate',
      (_x, o) => ({ reviewId: o.reviewId, memberId: o.people[1]!.id, grade: '合格' }),
      'NOT_FOUND',
    ],
    [
      'committeeRate: a huge reason',
      'committee',
      'committeeRate',
      (x) => ({ reviewId: x.reviewId, memberId: x.people[1]!.id, grade: '合格', final: '优秀', reason: HUGE }),
      'INVALID_ARGUMENT',
    ],
    ['publish: another branch’s review', 'secretary', 'publish', (_x, o) => ({ reviewId: o.reviewId }), 'NOT_FOUND'],
    ['publish: while rating runs', 'secretary', 'publish', (x) => ({ reviewId: x.reviewId }), 'FAILED_PRECONDITION'],
    ['results: another branch’s review', 'member', 'results', (_x, o) => ({ reviewId: o.reviewId }), 'NOT_FOUND'],
    ['results: before publication', 'member', 'results', (x) => ({ reviewId: x.reviewId }), 'FAILED_PRECONDITION'],
    ['failing: a year out of range', 'admin', 'failing', () => ({ year: 99999 }), 'INVALID_ARGUMENT'],
  ];

  it.each(cases)('%s', async (_name, caller, action, data, code) => {
    const { result, writes } = await writesOf(runtime, () =>
      fx.call(openidOf(caller, w), 'review', action, data(w, other)),
    );
    expectRefused(result, code);
    expect(writes).toBe(0);
  });

  it('a refused vote leaves the tallies alone', async () => {
    const before = await fx.call<ReviewProgress>(w.secretary, 'review', 'progress', { reviewId: w.reviewId });
    expectRefused(
      await fx.call(w.members[0]!.openid, 'review', 'rate', {
        reviewId: w.reviewId,
        memberId: w.members[0]!.id,
        grade: '优秀',
      }),
      'INVALID_ARGUMENT',
    );
    expect(await fx.call(w.secretary, 'review', 'progress', { reviewId: w.reviewId })).toEqual(before);
  });
});

export { COLLECTIONS };
