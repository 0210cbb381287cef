import type {
  BranchTerms,
  MyTraining,
  Result,
  SecretaryRow,
  TrainingCandidate,
  TrainingDetail,
  TrainingSummary,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { actionCoverage } from '../../support/coverage';
import { BRANCH_A, BRANCH_B, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { aMember } from '../../support/factories';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { writesOf } from '../../support/snapshot';
import { dayFromToday, trainingOn, unwrap } from './helpers';

/**
 * Every training action × every kind of caller, checking what comes back, and hostile input for
 * every action: malformed (INVALID_ARGUMENT, nothing written) and aimed at the wrong place.
 */
const CALLERS = ['admin', 'secretaryA', 'committeeA', 'memberA', 'memberB', 'secretaryB', 'unbound'] as const;
type Caller = (typeof CALLERS)[number];
type Check = (result: Result<unknown>) => void;

jest.setTimeout(30_000);
let runtime: LocalRuntime;
let fx: Fixture;
let trainingId: string;
const coverage = actionCoverage('training');
const SEC_A = DEMO.secretaryA.memberId;

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  unwrap(
    await fx.call('admin', 'training', 'startTerm', {
      branchId: BRANCH_A,
      secretaryId: SEC_A,
      startDate: dayFromToday(-90),
    }),
  );
  trainingId = unwrap(
    await fx.call<{ trainingId: string }>(
      'admin',
      'training',
      'create',
      trainingOn(dayFromToday(-5), [SEC_A, DEMO.secretaryB.memberId]),
    ),
  ).trainingId;
});
afterAll(() => runtime.close());

const refused =
  (code: string): Check =>
  (result) =>
    expectRefused(result, code);
const ok =
  <T>(check: (data: T) => void): Check =>
  (result) => {
    if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
    check(result.data as T);
  };
const F = refused('FORBIDDEN');
const N = refused('NOT_FOUND');
const U = refused('UNAUTHENTICATED');
const bureauOnly = (admin: Check): Record<Caller, Check> => ({
  admin,
  secretaryA: F,
  committeeA: F,
  memberA: F,
  memberB: F,
  secretaryB: F,
  unbound: U,
});

/** A fresh branch with a secretary for each write, so one caller's write never shapes the next one's. */
async function freshBranch() {
  const { branch } = await fx.branchWithMember();
  const sec = await aMember(branch._id, { roles: ['member', 'secretary'], name: '新任书记' });
  return { branchId: branch._id, secretaryId: sec._id };
}

const termsOfA = (check: (t: BranchTerms) => void) =>
  ok<BranchTerms>((t) => {
    expect(t.branchId).toBe(BRANCH_A);
    // The one training of the setup, and those the create and setAttendees rows recorded before.
    expect(t.item).toMatchObject({ secretaryId: SEC_A, trained: 3, status: 'done' });
    check(t);
  });

const rows: Record<string, { data: () => Promise<unknown>; expect: Record<Caller, Check> }> = {
  create: {
    data: async () => trainingOn(dayFromToday(-1), [SEC_A]),
    expect: bureauOnly(ok<{ trainingId: string; activityId: null }>((d) => expect(d.activityId).toBeNull())),
  },
  setAttendees: {
    data: async () => ({
      trainingId: unwrap(
        await fx.call<{ trainingId: string }>('admin', 'training', 'create', trainingOn(dayFromToday(-2), [])),
      ).trainingId,
      attendeeIds: [SEC_A],
    }),
    expect: bureauOnly(ok<TrainingDetail>((d) => expect(d.attendeeList.map((p) => p.memberId)).toEqual([SEC_A]))),
  },
  get: {
    data: async () => ({ trainingId }),
    expect: {
      admin: ok<TrainingDetail>((d) => expect(d.attendeeList).toHaveLength(2)),
      // An attendee sees the training and only their own line.
      secretaryA: ok<TrainingDetail>((d) => expect(d.attendeeList.map((p) => p.memberId)).toEqual([SEC_A])),
      committeeA: N,
      memberA: N,
      memberB: N,
      secretaryB: ok<TrainingDetail>((d) =>
        expect(d.attendeeList.map((p) => p.memberId)).toEqual([DEMO.secretaryB.memberId]),
      ),
      unbound: U,
    },
  },
  list: {
    data: async () => ({ page: 1, pageSize: 50 }),
    expect: bureauOnly(
      ok<{ items: TrainingSummary[] }>((d) => expect(d.items.map((t) => t.trainingId)).toContain(trainingId)),
    ),
  },
  candidates: {
    data: async () => ({ branchId: BRANCH_A, page: 1, pageSize: 50 }),
    expect: bureauOnly(
      ok<{ items: TrainingCandidate[] }>((d) => {
        expect(d.items.map((p) => p.memberId)).toContain(SEC_A);
        expect(d.items.every((p) => p.branchId === BRANCH_A && p.roles.some((r) => r !== 'member'))).toBe(true);
      }),
    ),
  },
  startTerm: {
    data: async () => ({ ...(await freshBranch()), startDate: dayFromToday(-10) }),
    expect: bureauOnly(ok<BranchTerms>((t) => expect(t.terms).toHaveLength(1))),
  },
  endTerm: {
    data: async () => {
      const fresh = await freshBranch();
      unwrap(await fx.call('admin', 'training', 'startTerm', { ...fresh, startDate: dayFromToday(-10) }));
      return { branchId: fresh.branchId, endDate: dayFromToday(-1) };
    },
    expect: bureauOnly(ok<BranchTerms>((t) => expect(t.item).toMatchObject({ status: 'overdue', trained: 0 }))),
  },
  terms: {
    data: async () => ({ branchId: BRANCH_A }),
    expect: {
      admin: termsOfA((t) => expect(t.canManage).toBe(true)),
      secretaryA: termsOfA((t) => expect(t.canManage).toBe(false)),
      committeeA: termsOfA((t) => expect(t.canManage).toBe(false)),
      memberA: F,
      memberB: N,
      secretaryB: N,
      unbound: U,
    },
  },
  overview: {
    data: async () => ({ page: 1, pageSize: 50 }),
    expect: bureauOnly(
      ok<{ items: SecretaryRow[]; minPerTerm: number }>((d) => {
        expect(d.minPerTerm).toBe(2);
        expect(d.items.find((r) => r.branchId === BRANCH_A)?.item).toMatchObject({ secretaryId: SEC_A });
        expect(d.items.find((r) => r.branchId === BRANCH_B)?.item ?? null).toBeNull();
      }),
    ),
  },
  mine: {
    data: async () => ({}),
    expect: {
      admin: ok<MyTraining>((d) => expect(d).toMatchObject({ term: null, total: 0 })),
      secretaryA: ok<MyTraining>((d) => {
        expect(d.term).toMatchObject({ secretaryId: SEC_A, trained: 3, needed: 0 });
        expect(d.items.map((t) => t.trainingId)).toContain(trainingId);
      }),
      committeeA: ok<MyTraining>((d) => expect(d).toMatchObject({ term: null, items: [], total: 0 })),
      memberA: ok<MyTraining>((d) => expect(d).toMatchObject({ term: null, items: [], total: 0 })),
      memberB: ok<MyTraining>((d) => expect(d).toMatchObject({ term: null, items: [], total: 0 })),
      // B's secretary attended, but holds no recorded term: their trainings, and no count.
      secretaryB: ok<MyTraining>((d) => {
        expect(d.term).toBeNull();
        expect(d.items.map((t) => t.trainingId)).toEqual([trainingId]);
      }),
      unbound: U,
    },
  },
  rule: {
    data: async () => ({}),
    expect: bureauOnly(ok((d) => expect(d).toEqual({ minPerTerm: 2 }))),
  },
};

describe('the training authorization matrix', () => {
  const cases = Object.entries(rows).flatMap(([action, row]) =>
    CALLERS.map((caller) => [action, caller, row] as const),
  );
  it.each(cases)('%s — %s', async (action, caller, row) => {
    const data = await row.data();
    const refusedWrites = await writesOf(runtime, () => fx.call(caller, 'training', action, data));
    row.expect[caller](refusedWrites.result);
    if (!refusedWrites.result.ok) expect(refusedWrites.writes).toBe(0);
    coverage.record(caller, action);
  });

  it('tried every action with an entitled caller and an outsider', () => {
    expect(coverage.missing()).toEqual([]);
  });
});

/** Malformed input for every action: INVALID_ARGUMENT, in words, nothing written. */
const MALFORMED: Record<string, unknown[]> = {
  create: [
    {},
    { ...trainingOn('2026-02-30', []) },
    { ...trainingOn(dayFromToday(-1), []), endDate: dayFromToday(-3) },
    { ...trainingOn(dayFromToday(-1), []), hours: -1 },
    { ...trainingOn(dayFromToday(-1), [SEC_A, SEC_A]) },
    { ...trainingOn(dayFromToday(-1), ['../x']) },
    { ...trainingOn(dayFromToday(-1), []), branchId: BRANCH_A },
    {
      ...trainingOn(dayFromToday(0), []),
      checkin: { startAt: '2026-01-01 09:00', endAt: '2026-01-01T10:00:00+08:00', place: '会场', inviteeIds: [SEC_A] },
    },
  ],
  setAttendees: [
    { trainingId: 'x' },
    { trainingId: { $ne: null }, attendeeIds: [] },
    { trainingId: 'x', attendeeIds: 'a' },
  ],
  get: [{}, { trainingId: '' }, { trainingId: 'a'.repeat(65) }],
  list: [{ page: 0 }, { pageSize: 1000 }, { page: 'a' }],
  candidates: [{ pageSize: 51 }, { branchId: { $gt: '' } }, { keyword: 'x' }],
  startTerm: [
    {},
    { branchId: BRANCH_A, secretaryId: SEC_A, startDate: '2026/01/01' },
    { branchId: BRANCH_A, secretaryId: SEC_A },
  ],
  endTerm: [{ branchId: BRANCH_A }, { branchId: BRANCH_A, endDate: '2026-13-01' }],
  terms: [{ branchId: '' }, { branchId: ['a'] }, { extra: 1 }],
  overview: [{ page: -1 }, { pageSize: 0 }],
  mine: [{ page: 0 }, { memberId: SEC_A }],
  rule: [{ minPerTerm: 0 }, { minPerTerm: 2.5 }, { minPerTerm: '2' }, { other: 1 }],
};

describe('hostile input', () => {
  it('covers every action', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual(Object.keys(rows).sort());
  });

  const cases = Object.entries(MALFORMED).flatMap(([action, inputs]) => inputs.map((data) => [action, data] as const));
  it.each(cases)('%s refuses %j', async (action, data) => {
    const { result, writes } = await writesOf(runtime, () => fx.call('admin', 'training', action, data));
    expectRefused(result, 'INVALID_ARGUMENT');
    expect(writes).toBe(0);
  });

  it('well-formed calls aimed at the wrong place are refused and write nothing', async () => {
    const aimed: [string, unknown, string][] = [
      ['get', { trainingId: 'tnosuchtraining' }, 'NOT_FOUND'],
      ['setAttendees', { trainingId: 'tnosuchtraining', attendeeIds: [] }, 'NOT_FOUND'],
      // A plain member cannot be recorded at a training, nor invited to its check-in.
      ['setAttendees', { trainingId, attendeeIds: [SEC_A, DEMO.memberB.memberId] }, 'INVALID_ARGUMENT'],
      ['create', trainingOn(dayFromToday(-1), [DEMO.memberA.memberId]), 'INVALID_ARGUMENT'],
      ['create', trainingOn(dayFromToday(-1), ['no-such-member']), 'INVALID_ARGUMENT'],
      // Another branch's member as A's secretary; a branch that does not exist.
      [
        'startTerm',
        { branchId: BRANCH_A, secretaryId: DEMO.secretaryB.memberId, startDate: dayFromToday(-1) },
        'INVALID_ARGUMENT',
      ],
      ['startTerm', { branchId: 'no-such-branch', secretaryId: SEC_A, startDate: dayFromToday(-1) }, 'NOT_FOUND'],
      ['endTerm', { branchId: BRANCH_B, endDate: dayFromToday(-1) }, 'FAILED_PRECONDITION'],
      ['terms', { branchId: 'no-such-branch' }, 'NOT_FOUND'],
    ];
    for (const [action, data, code] of aimed) {
      const { result, writes } = await writesOf(runtime, () => fx.call('admin', 'training', action, data));
      expectRefused(result, code);
      expect(writes).toBe(0);
    }
    // A secretary asking for another branch's terms is told it does not exist, as for a missing one.
    const other = await fx.call('secretaryB', 'training', 'terms', { branchId: BRANCH_A });
    const missing = await fx.call('secretaryB', 'training', 'terms', { branchId: 'no-such-branch' });
    expect(other).toEqual(missing);
  });
});
