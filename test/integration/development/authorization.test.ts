import cloud from 'wx-server-sdk';
import {
  COLLECTIONS,
  type CandidateItem,
  type DevelopmentCandidateDoc,
  type DueItem,
  type Pipeline,
  type Result,
  type Timeline,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { actionCoverage } from '../../support/coverage';
import { BRANCH_A, BRANCH_B, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { aMember } from '../../support/factories';
import { applicantInA, candidateInA } from './helpers';

/**
 * Every development action × every kind of caller, checking what comes back. Each row meets a
 * fresh candidate, so what one caller did never changes what the next one meets.
 */
const CALLERS = ['admin', 'secretaryA', 'committeeA', 'memberA', 'memberB', 'secretaryB', 'unbound'] as const;
type Caller = (typeof CALLERS)[number];
type Check = (result: Result<unknown>, candidateId: string) => void;

let runtime: LocalRuntime;
let fx: Fixture;
const coverage = actionCoverage('development');
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const refused =
  (code: string): Check =>
  (result) =>
    expectRefused(result, code);
const ok =
  (check: (data: never, candidateId: string) => void): Check =>
  (result, candidateId) => {
    if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
    check(result.data as never, candidateId);
  };
const timelineOk = (stage: string, steps: number) =>
  ok((t: Timeline, candidateId) => {
    expect(t).toMatchObject({ candidateId, stage, branchId: BRANCH_A, name: '李申请' });
    expect(t.steps).toHaveLength(steps);
  });
const listHas = (has: boolean) =>
  ok((l: { items: CandidateItem[] }, candidateId) =>
    expect(l.items.some((i) => i.candidateId === candidateId)).toBe(has),
  );
const dueHas = (has: boolean) =>
  ok((d: { items: DueItem[] }, candidateId) => expect(d.items.some((i) => i.candidateId === candidateId)).toBe(has));
const manager = {
  FORBIDDEN: refused('FORBIDDEN'),
  NOT_FOUND: refused('NOT_FOUND'),
  UNAUTH: refused('UNAUTHENTICATED'),
};

const review = { step: 'activistReview', date: '2023-10-09', note: '思想进步' };
const rows: Record<
  string,
  { action: string; setup: 'applicant' | 'activist'; data: (id: string) => unknown; expect: Record<Caller, Check> }
> = {
  start: {
    action: 'start',
    setup: 'applicant',
    data: (memberId) => ({ memberId, appliedAt: '2023-03-01' }),
    expect: {
      admin: ok((d: { candidateId: string }, memberId) => expect(d.candidateId).toBe(`d_${memberId}`)),
      secretaryA: ok((d: { candidateId: string }, memberId) => expect(d.candidateId).toBe(`d_${memberId}`)),
      committeeA: ok((d: { candidateId: string }, memberId) => expect(d.candidateId).toBe(`d_${memberId}`)),
      memberA: manager.FORBIDDEN,
      memberB: manager.FORBIDDEN,
      secretaryB: manager.NOT_FOUND,
      unbound: manager.UNAUTH,
    },
  },
  record: {
    action: 'record',
    setup: 'activist',
    data: (candidateId) => ({ candidateId, ...review }),
    expect: {
      admin: timelineOk('入党积极分子', 3),
      secretaryA: timelineOk('入党积极分子', 3),
      committeeA: timelineOk('入党积极分子', 3),
      memberA: manager.FORBIDDEN,
      memberB: manager.NOT_FOUND,
      secretaryB: manager.NOT_FOUND,
      unbound: manager.UNAUTH,
    },
  },
  correct: {
    action: 'correct',
    setup: 'activist',
    data: (candidateId) => ({
      candidateId,
      entryId: 'e1',
      step: 'apply',
      date: '2023-02-01',
      reason: '申请书落款日期',
    }),
    expect: {
      admin: ok((t: Timeline) => expect(t).toMatchObject({ appliedAt: '2023-02-01', stage: '入党积极分子' })),
      secretaryA: ok((t: Timeline) => expect(t.steps.at(-1)).toMatchObject({ corrects: 'e1', date: '2023-02-01' })),
      committeeA: ok((t: Timeline) => expect(t.appliedAt).toBe('2023-02-01')),
      memberA: manager.FORBIDDEN,
      memberB: manager.NOT_FOUND,
      secretaryB: manager.NOT_FOUND,
      unbound: manager.UNAUTH,
    },
  },
  timeline: {
    action: 'timeline',
    setup: 'activist',
    data: (candidateId) => ({ candidateId }),
    expect: {
      admin: timelineOk('入党积极分子', 2),
      secretaryA: ok((t: Timeline) => expect(t.canRecord).toEqual(['activistReview', 'candidate'])),
      committeeA: timelineOk('入党积极分子', 2),
      memberA: manager.NOT_FOUND,
      memberB: manager.NOT_FOUND,
      secretaryB: manager.NOT_FOUND,
      unbound: manager.UNAUTH,
    },
  },
  mine: {
    action: 'mine',
    setup: 'activist',
    data: () => undefined,
    expect: {
      admin: ok((d: { timeline: Timeline | null }) => expect(d.timeline).toBeNull()),
      secretaryA: ok((d: { timeline: Timeline | null }) => expect(d.timeline).toBeNull()),
      committeeA: ok((d: { timeline: Timeline | null }) => expect(d.timeline).toBeNull()),
      memberA: ok((d: { timeline: Timeline | null }) => expect(d.timeline).toBeNull()),
      memberB: ok((d: { timeline: Timeline | null }) => expect(d.timeline).toBeNull()),
      secretaryB: ok((d: { timeline: Timeline | null }) => expect(d.timeline).toBeNull()),
      unbound: manager.UNAUTH,
    },
  },
  list: {
    action: 'list',
    setup: 'activist',
    data: () => ({ page: 1, pageSize: 50, stage: '入党积极分子' }),
    expect: {
      admin: listHas(true),
      secretaryA: listHas(true),
      committeeA: listHas(true),
      memberA: manager.FORBIDDEN,
      memberB: manager.FORBIDDEN,
      secretaryB: listHas(false),
      unbound: manager.UNAUTH,
    },
  },
  due: {
    action: 'due',
    setup: 'activist',
    data: () => undefined,
    expect: {
      admin: dueHas(true),
      secretaryA: dueHas(true),
      committeeA: dueHas(true),
      memberA: manager.FORBIDDEN,
      memberB: manager.FORBIDDEN,
      secretaryB: dueHas(false),
      unbound: manager.UNAUTH,
    },
  },
  pipeline: {
    action: 'pipeline',
    setup: 'activist',
    data: () => undefined,
    expect: {
      admin: ok((p: Pipeline) => {
        const a = p.branches.find((b) => b.branchId === BRANCH_A)!;
        expect(a.counts['入党积极分子']).toBeGreaterThanOrEqual(1);
        expect(p.branches.every((b) => b.branchName.length > 0)).toBe(true);
      }),
      secretaryA: manager.FORBIDDEN,
      committeeA: manager.FORBIDDEN,
      memberA: manager.FORBIDDEN,
      memberB: manager.FORBIDDEN,
      secretaryB: manager.FORBIDDEN,
      unbound: manager.UNAUTH,
    },
  },
  configure: {
    action: 'configure',
    setup: 'activist',
    data: () => ({}),
    expect: {
      admin: ok((s: { minActivistMonths: number; minPublicityWorkingDays: number }) =>
        expect(s).toMatchObject({ minActivistMonths: 12, minPublicityWorkingDays: 5 }),
      ),
      secretaryA: manager.FORBIDDEN,
      committeeA: manager.FORBIDDEN,
      memberA: manager.FORBIDDEN,
      memberB: manager.FORBIDDEN,
      secretaryB: manager.FORBIDDEN,
      unbound: manager.UNAUTH,
    },
  },
};

describe.each(Object.entries(rows))('development %s', (_name, row) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const target =
      row.setup === 'applicant'
        ? (await applicantInA()).member._id
        : (await candidateInA(fx.call, 'activist')).candidateId;
    coverage.record(caller, row.action);
    row.expect[caller](await fx.call(caller, 'development', row.action, row.data(target)), target);
  });
});

describe('sponsors and the candidate', () => {
  it('a sponsor records 考察 notes and nothing else; the candidate reads their own timeline only', async () => {
    const { candidateId, member, sponsors } = await candidateInA(fx.call, 'activist');
    const sponsor = sponsors[0].openid!;
    const noted = await fx.call<Timeline>(sponsor, 'development', 'record', { candidateId, ...review });
    expect(noted.ok && noted.data.steps.at(-1)).toMatchObject({ step: 'activistReview', by: sponsors[0]._id });
    expect(noted.ok && noted.data.canRecord).toEqual(['activistReview']);
    expectRefused(
      await fx.call(sponsor, 'development', 'record', { candidateId, step: 'candidate', date: '2024-04-15' }),
      'FORBIDDEN',
    );
    expectRefused(
      await fx.call(sponsor, 'development', 'correct', {
        candidateId,
        entryId: 'e1',
        step: 'apply',
        date: '2023-02-01',
        reason: '改',
      }),
      'FORBIDDEN',
    );
    expectRefused(await fx.call(sponsor, 'development', 'list', { page: 1, pageSize: 10 }), 'FORBIDDEN');
    const own = await fx.call<Timeline>(member.openid!, 'development', 'timeline', { candidateId });
    expect(own.ok && own.data).toMatchObject({ candidateId, canRecord: [] });
    const mine = await fx.call<{ timeline: Timeline }>(member.openid!, 'development', 'mine');
    expect(mine.ok && mine.data.timeline.candidateId).toBe(candidateId);
  });

  it('a sponsor finds the candidates they sponsor; nobody else sees them there', async () => {
    const { candidateId, member, sponsors } = await candidateInA(fx.call, 'activist');
    const ids = async (caller: string) => {
      const result = await fx.call<{ items: { candidateId: string }[] }>(caller, 'development', 'sponsored');
      expect(result.ok).toBe(true);
      return result.ok ? result.data.items.map((i) => i.candidateId) : [];
    };
    coverage.record('sponsor', 'sponsored');
    expect(await ids(sponsors[0].openid!)).toContain(candidateId);
    expect(await ids(sponsors[1].openid!)).toContain(candidateId);
    expect(await ids(member.openid!)).not.toContain(candidateId);
    for (const caller of ['secretaryA', 'memberB', 'secretaryB'] as const) {
      coverage.record(caller, 'sponsored');
      expect(await ids(caller)).not.toContain(candidateId);
    }
    coverage.record('unbound', 'sponsored');
    expectRefused(await fx.call('unbound', 'development', 'sponsored'), 'UNAUTHENTICATED');
  });

  it('reached every action with an entitled caller and an outsider', () => {
    expect(coverage.missing()).toEqual([]);
  });
});

describe('hostile input writes nothing', () => {
  const doc = async (id: string) => {
    const { data } = (await cloud
      .database()
      .collection(COLLECTIONS.developmentCandidates)
      .where({ _id: id })
      .limit(1)
      .get()) as unknown as { data: DevelopmentCandidateDoc[] };
    return data[0] ?? null;
  };

  it.each([
    ['an impossible date', { step: 'activistReview', date: '2024-02-30', note: '好' }, 'INVALID_ARGUMENT'],
    ['a date in the future', { step: 'activistReview', date: '2099-01-05', note: '好' }, 'FAILED_PRECONDITION'],
    ['a huge note', { step: 'activistReview', date: '2023-10-09', note: '长'.repeat(20_000) }, 'INVALID_ARGUMENT'],
    ['an unknown step', { step: 'delete', date: '2023-10-09' }, 'INVALID_ARGUMENT'],
    ['an extra field', { step: 'candidate', date: '2024-04-15', stage: '正式党员' }, 'INVALID_ARGUMENT'],
    [
      'a negative vote',
      { step: 'branchVote', date: '2024-06-12', entitled: 5, present: -1, votesFor: 3, votesAgainst: 0 },
      'INVALID_ARGUMENT',
    ],
    ['a huge hour count', { step: 'training', date: '2024-05-10', hours: 1e12 }, 'INVALID_ARGUMENT'],
  ])('%s', async (_name, data, code) => {
    const { candidateId } = await candidateInA(fx.call, 'activist');
    const before = await doc(candidateId);
    expectRefused(await fx.call('secretaryA', 'development', 'record', { candidateId, ...data }), code);
    expect(await doc(candidateId)).toEqual(before);
  });

  it('another branch’s ids: members, sponsors, candidates and branches', async () => {
    const { candidateId } = await candidateInA(fx.call, 'apply');
    const before = await doc(candidateId);
    const outsider = await aMember(BRANCH_B);
    const insider = await fx.boundMember(BRANCH_A);
    // Sponsors from another branch.
    const sponsors = await fx.call('secretaryA', 'development', 'record', {
      candidateId,
      step: 'activist',
      date: '2023-04-10',
      sponsorIds: [insider._id, outsider._id],
    });
    expectRefused(sponsors, 'FAILED_PRECONDITION');
    expect(await doc(candidateId)).toEqual(before);
    // Starting another branch's member, and listing another branch.
    await cloud
      .database()
      .collection(COLLECTIONS.members)
      .doc(outsider._id)
      .update({ data: { status: '申请入党' } });
    expectRefused(
      await fx.call('secretaryA', 'development', 'start', { memberId: outsider._id, appliedAt: '2023-03-01' }),
      'NOT_FOUND',
    );
    expect(await doc(`d_${outsider._id}`)).toBeNull();
    expectRefused(
      await fx.call('secretaryA', 'development', 'list', { branchId: BRANCH_B, page: 1, pageSize: 10 }),
      'FORBIDDEN',
    );
    // A candidate id that is not an id.
    expectRefused(
      await fx.call('secretaryA', 'development', 'timeline', { candidateId: '../members/x' }),
      'INVALID_ARGUMENT',
    );
    // An application dated in the future, and a page far past the end.
    const applicant = (await applicantInA()).member;
    expectRefused(
      await fx.call('secretaryA', 'development', 'start', { memberId: applicant._id, appliedAt: '2099-01-01' }),
      'FAILED_PRECONDITION',
    );
    expect(await doc(`d_${applicant._id}`)).toBeNull();
    expectRefused(await fx.call('admin', 'development', 'configure', { minActivistMonths: 0 }), 'INVALID_ARGUMENT');
  });
});
