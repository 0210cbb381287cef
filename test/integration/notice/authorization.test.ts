import type { NoticeDetail, NoticeList, NoticePosters, NoticeReceipts, Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { BRANCH_A, BRANCH_B, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { COMMITTEE_A, noticeInput, postNotice } from '../../support/notices';
import { DEMO, startTestRuntime } from '../../support/runtime';

/**
 * Every notice action × every kind of caller, checking what comes back. A branch-A notice is posted
 * fresh for each row, so one caller's withdrawal never changes what the next one meets.
 */
const CALLERS = {
  admin: DEMO.admin.openid,
  secretaryA: DEMO.secretaryA.openid,
  committeeA: COMMITTEE_A.openid,
  memberA: DEMO.memberA.openid,
  memberB: DEMO.memberB.openid,
  stranger: DEMO.stranger.openid,
} as const;
type Caller = keyof typeof CALLERS;

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

type Check = (result: Result<unknown>, noticeId: string) => void;
const refused =
  (code: string): Check =>
  (result) =>
    expectRefused(result, code);
const ok =
  (check: (data: never, noticeId: string) => void): Check =>
  (result, noticeId) => {
    if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
    check(result.data as never, noticeId);
  };

const detailOk = (canManage: boolean, inAudience: boolean, canSeeReceipts = canManage) =>
  ok((d: NoticeDetail, noticeId) => {
    expect(d).toMatchObject({ noticeId, title: noticeInput().title, canManage, inAudience, canSeeReceipts });
    // Only those who run it see where it went.
    expect(d.branchIds).toEqual(canManage ? [BRANCH_A] : []);
  });
const receiptsOk = ok((r: NoticeReceipts, noticeId) => {
  expect(r).toMatchObject({ noticeId, branchId: BRANCH_A, audienceCount: 14, readCount: 0 });
  expect(r.unread.map((p) => p.memberId)).toContain(DEMO.memberA.memberId);
  expect(r.unread.every((p) => p.memberId.startsWith('b-qhyz-'))).toBe(true);
});
const postersOk = (expected: Partial<NoticePosters>, more?: (p: NoticePosters) => void) =>
  ok((p: NoticePosters) => {
    expect(p).toMatchObject(expected);
    more?.(p);
  });
const inboxHas = (has: boolean) =>
  ok((l: NoticeList, noticeId) => expect(l.items.some((i) => i.noticeId === noticeId)).toBe(has));

const rows: Record<string, { data: (noticeId: string) => unknown; expect: Record<Caller, Check> }> = {
  'create (branch default)': {
    data: () => noticeInput(),
    expect: {
      admin: ok((d: { noticeId: string }) => expect(d.noticeId).toMatch(/^n/)),
      secretaryA: ok((d: { noticeId: string }) => expect(d.noticeId).toMatch(/^n/)),
      // A committee member posts only once the secretary allows it (posters.test.ts).
      committeeA: refused('FORBIDDEN'),
      memberA: refused('FORBIDDEN'),
      memberB: refused('FORBIDDEN'),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  'create (bureau)': {
    data: () => noticeInput({ scope: 'bureau', branchIds: [BRANCH_A] }),
    expect: {
      admin: ok((d: { noticeId: string }) => expect(d.noticeId).toMatch(/^n/)),
      secretaryA: refused('FORBIDDEN'),
      committeeA: refused('FORBIDDEN'),
      memberA: refused('FORBIDDEN'),
      memberB: refused('FORBIDDEN'),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  list: {
    data: () => ({ page: 1, pageSize: 50 }),
    expect: {
      // The admin belongs to the bureau office's branch: a branch-A notice is not theirs to read.
      admin: inboxHas(false),
      secretaryA: inboxHas(true),
      committeeA: inboxHas(true),
      memberA: inboxHas(true),
      memberB: inboxHas(false),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  get: {
    data: (noticeId) => ({ noticeId }),
    expect: {
      admin: detailOk(false, false, true),
      secretaryA: detailOk(true, true),
      // Of the committee (sees receipts) but not allowed to post, so not running it.
      committeeA: detailOk(false, true, true),
      memberA: detailOk(false, true),
      memberB: refused('NOT_FOUND'),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  confirm: {
    data: (noticeId) => ({ noticeId }),
    expect: {
      admin: refused('NOT_FOUND'),
      secretaryA: ok((d: { confirmedAt: string }) => expect(Date.parse(d.confirmedAt)).toBeGreaterThan(0)),
      committeeA: ok((d: { confirmedAt: string }) => expect(Date.parse(d.confirmedAt)).toBeGreaterThan(0)),
      memberA: ok((d: { confirmedAt: string }) => expect(Date.parse(d.confirmedAt)).toBeGreaterThan(0)),
      memberB: refused('NOT_FOUND'),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  receipts: {
    data: (noticeId) => ({ noticeId }),
    expect: {
      admin: receiptsOk,
      secretaryA: receiptsOk,
      committeeA: receiptsOk,
      memberA: refused('FORBIDDEN'),
      memberB: refused('NOT_FOUND'),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  remind: {
    data: (noticeId) => ({ noticeId }),
    expect: {
      admin: refused('FORBIDDEN'),
      secretaryA: ok((d: { sent: number }) => expect(d.sent).toBe(13)),
      committeeA: refused('FORBIDDEN'),
      memberA: refused('FORBIDDEN'),
      memberB: refused('NOT_FOUND'),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  update: {
    data: (noticeId) => ({ noticeId, patch: { title: '修改后的标题' } }),
    expect: {
      admin: refused('FORBIDDEN'),
      secretaryA: ok((d: NoticeDetail) => expect(d).toMatchObject({ title: '修改后的标题', canManage: true })),
      committeeA: refused('FORBIDDEN'),
      memberA: refused('FORBIDDEN'),
      memberB: refused('NOT_FOUND'),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  withdraw: {
    data: (noticeId) => ({ noticeId, reason: '内容有误' }),
    expect: {
      admin: refused('FORBIDDEN'),
      secretaryA: ok((d: NoticeDetail) => expect(d).toMatchObject({ status: 'withdrawn', withdrawReason: '内容有误' })),
      committeeA: refused('FORBIDDEN'),
      memberA: refused('FORBIDDEN'),
      memberB: refused('NOT_FOUND'),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  posters: {
    data: () => ({}),
    expect: {
      admin: postersOk({ branchId: DEMO.admin.branchId, canPost: true, canChange: true }),
      secretaryA: postersOk({ branchId: BRANCH_A, canPost: true, canChange: true }, (p) => {
        expect(p.committee.find((c) => c.memberId === COMMITTEE_A.memberId)).toMatchObject({ allowed: false });
        expect(p.committee.find((c) => c.memberId === DEMO.secretaryA.memberId)).toMatchObject({
          secretary: true,
          allowed: true,
        });
      }),
      committeeA: postersOk({ branchId: BRANCH_A, canPost: false, canChange: false }, (p) =>
        expect(p.committee.map((c) => c.memberId)).toContain(COMMITTEE_A.memberId),
      ),
      // A plain member learns only that they may not post: no committee list.
      memberA: postersOk({ branchId: BRANCH_A, canPost: false, canChange: false, committee: [] }),
      memberB: postersOk({ branchId: BRANCH_B, canPost: false, canChange: false, committee: [] }),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
  setPosters: {
    data: () => ({ memberIds: [COMMITTEE_A.memberId] }),
    expect: {
      // The admin chooses in their own branch only; branch A's committee member is not theirs to choose.
      admin: refused('INVALID_ARGUMENT'),
      secretaryA: postersOk({ branchId: BRANCH_A, canChange: true }, (p) =>
        expect(p.committee.find((c) => c.memberId === COMMITTEE_A.memberId)).toMatchObject({ allowed: true }),
      ),
      committeeA: refused('FORBIDDEN'),
      memberA: refused('FORBIDDEN'),
      memberB: refused('FORBIDDEN'),
      stranger: refused('UNAUTHENTICATED'),
    },
  },
};

const cases = Object.entries(rows).flatMap(([action, row]) =>
  (Object.keys(CALLERS) as Caller[]).map((caller) => [action, caller, row] as const),
);

describe('notice authorization', () => {
  it.each(cases)('%s — %s', async (name, caller, row) => {
    const noticeId = await postNotice(fx, 'secretaryA', { requireConfirm: true });
    const action = name.split(' ')[0]!;
    const result = await fx.call(CALLERS[caller], 'notice', action, row.data(noticeId));
    row.expect[caller](result, noticeId);
  });

  it('has a row for every notice action', async () => {
    const { contracts } = await import('@zhibu/types');
    const covered = new Set(Object.keys(rows).map((k) => k.split(' ')[0]));
    expect([...covered].sort()).toEqual(Object.keys(contracts.notice).sort());
  });
});
