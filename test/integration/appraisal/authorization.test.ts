import {
  COLLECTIONS,
  type AppraisalRow,
  type CodeReport,
  type OwnReport,
  type RateItem,
  type Result,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { actionCoverage } from '../../support/coverage';
import { expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { expectDatabaseUnchanged, writesOf } from '../../support/snapshot';
import {
  codesFor,
  currentWindow,
  ok,
  openWithReports,
  pastWindow,
  PAST_YEAR,
  REPORT_A,
  REPORT_B,
  YEAR,
} from './helpers';

/**
 * Every appraisal action × every kind of caller, checking what comes back; then well-formed
 * input aimed at the wrong place. The current round is open; last year's has ended.
 */
const CALLERS = ['admin', 'secretaryA', 'committeeA', 'memberA', 'memberB', 'secretaryB', 'unbound'] as const;
type Caller = (typeof CALLERS)[number];
type Check = (result: Result<unknown>) => void | Promise<void>;

let runtime: LocalRuntime;
let fx: Fixture;
const coverage = actionCoverage('appraisal');
const call = (caller: string, action: string, data?: unknown) => {
  coverage.record(caller, action);
  return fx.call(caller, 'appraisal', action, data);
};
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  await openWithReports(runtime);
  ok(await fx.call('admin', 'appraisal', 'open', pastWindow));
}, 30_000);
afterAll(() => runtime.close());

const refused =
  (code: string): Check =>
  (result) =>
    expectRefused(result, code);
const okWith =
  <T>(check: (data: T) => void): Check =>
  (result) => {
    if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
    check(result.data as T);
  };
const FORBIDDEN = refused('FORBIDDEN');
const NOT_FOUND = refused('NOT_FOUND');
const UNAUTH = refused('UNAUTHENTICATED');
const bureauOnly = (admin: Check): Record<Caller, Check> => ({
  admin,
  secretaryA: FORBIDDEN,
  committeeA: FORBIDDEN,
  memberA: FORBIDDEN,
  memberB: FORBIDDEN,
  secretaryB: FORBIDDEN,
  unbound: UNAUTH,
});

const rows: { action: string; data: (caller: Caller) => unknown | Promise<unknown>; expect: Record<Caller, Check> }[] =
  [
    {
      action: 'open',
      data: (caller) => ({
        year: YEAR + 1 + CALLERS.indexOf(caller),
        from: `${YEAR + 1}-12-01`,
        to: `${YEAR + 1}-12-31`,
      }),
      expect: bureauOnly(
        okWith((d: { roundId: string; secretaries: number }) => {
          expect(d.roundId).toBe(`ap_${YEAR + 1}`);
          expect(d.secretaries).toBeGreaterThanOrEqual(2);
        }),
      ),
    },
    {
      action: 'overview',
      data: () => ({ year: YEAR, page: 1, pageSize: 50 }),
      expect: bureauOnly(
        okWith((d: { items: AppraisalRow[]; round: { open: boolean } }) => {
          expect(d.round.open).toBe(true);
          const a = d.items.find((i) => i.reportId === REPORT_A)!;
          expect(a).toMatchObject({
            secretaryName: '王建国',
            branchName: '清河县第一中学党支部',
            submitted: true,
            result: null,
          });
          expect(Object.keys(a)).not.toContain('raterIds');
        }),
      ),
    },
    {
      action: 'mine',
      data: () => ({ year: YEAR }),
      expect: {
        admin: okWith((d: { own: OwnReport | null; toRate: RateItem[] }) => {
          expect(d.own).toBeNull();
          expect(d.toRate.map((r) => r.reportId)).not.toContain(REPORT_A);
        }),
        secretaryA: okWith((d: { own: OwnReport; toRate: RateItem[] }) => {
          expect(d.own).toMatchObject({ reportId: REPORT_A, submitted: true, result: null });
          expect(d.own.text).toContain('三会一课');
          expect(d.toRate).toEqual([]);
        }),
        committeeA: okWith((d: { own: null; toRate: RateItem[] }) => {
          expect(d.own).toBeNull();
          expect(d.toRate).toEqual([expect.objectContaining({ reportId: REPORT_A, submitted: true })]);
        }),
        memberA: okWith((d: { own: null; toRate: RateItem[] }) => {
          expect(d.toRate).toHaveLength(1);
          expect(d.toRate[0]!.text).toContain('三会一课');
        }),
        memberB: okWith((d: { toRate: RateItem[] }) => expect(d.toRate.map((r) => r.reportId)).toEqual([REPORT_B])),
        secretaryB: okWith((d: { own: OwnReport; toRate: RateItem[] }) => {
          expect(d.own.reportId).toBe(REPORT_B);
          expect(JSON.stringify(d)).not.toContain('三会一课');
        }),
        unbound: UNAUTH,
      },
    },
    {
      action: 'submit',
      data: () => ({ reportId: REPORT_A, text: '修改后的述职报告：三会一课', attachments: [] }),
      expect: {
        admin: FORBIDDEN,
        secretaryA: okWith((d: { reportId: string; submittedAt: string }) => {
          expect(d.reportId).toBe(REPORT_A);
          expect(Number.isNaN(Date.parse(d.submittedAt))).toBe(false);
        }),
        committeeA: FORBIDDEN,
        memberA: FORBIDDEN,
        memberB: NOT_FOUND,
        secretaryB: NOT_FOUND,
        unbound: UNAUTH,
      },
    },
    {
      action: 'rate',
      data: () => ({ reportId: REPORT_A, grade: 'good' }),
      expect: {
        admin: FORBIDDEN,
        secretaryA: refused('INVALID_ARGUMENT'),
        committeeA: okWith((d) => expect(d).toEqual({ reportId: REPORT_A, rated: true })),
        memberA: okWith((d) => expect(d).toEqual({ reportId: REPORT_A, rated: true })),
        memberB: NOT_FOUND,
        secretaryB: NOT_FOUND,
        unbound: UNAUTH,
      },
    },
    {
      action: 'issueCodes',
      data: () => ({ reportId: REPORT_A, count: 3 }),
      expect: {
        admin: okWith((d: { codes: string[] }) => expect(d.codes).toHaveLength(3)),
        secretaryA: okWith((d: { codes: string[]; codesIssued: number }) => {
          expect(d.codes).toHaveLength(3);
          for (const c of d.codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
          expect(new Set(d.codes).size).toBe(3);
        }),
        committeeA: FORBIDDEN,
        memberA: FORBIDDEN,
        memberB: NOT_FOUND,
        secretaryB: NOT_FOUND,
        unbound: UNAUTH,
      },
    },
    {
      action: 'teacherView',
      // Reading needs nothing but a genuine code either; the answer is that one 述职 and no more.
      data: async () => ({ code: (await codesFor(runtime, REPORT_A, 1))[0] }),
      expect: Object.fromEntries(
        CALLERS.map((c) => [
          c,
          okWith((d: CodeReport) => {
            expect(Object.keys(d).sort()).toEqual(['attachments', 'branchName', 'secretaryName', 'text', 'year']);
            expect(d).toMatchObject({ year: YEAR, secretaryName: '王建国', branchName: '清河县第一中学党支部' });
            expect(d.text).toContain('三会一课');
            expect(JSON.stringify(d)).not.toContain('实验小学');
          }),
        ]),
      ) as Record<Caller, Check>,
    },
    {
      action: 'teacherRate',
      // Anyone holding a genuine code may use it, member or not: the code is the entitlement.
      data: async () => ({ code: (await codesFor(runtime, REPORT_A, 1))[0], grade: 'average' }),
      expect: Object.fromEntries(
        CALLERS.map((c) => [
          c,
          okWith((d) => expect(d).toEqual({ secretaryName: '王建国', branchName: '清河县第一中学党支部' })),
        ]),
      ) as Record<Caller, Check>,
    },
    {
      action: 'export',
      data: () => ({ year: PAST_YEAR }),
      expect: bureauOnly(
        okWith((d: { fileId: string; fileName: string }) => {
          expect(d.fileId).toMatch(/^local:\/\/appraisal-export\/.+\.xlsx$/);
          expect(d.fileName).toBe(`${PAST_YEAR}年度支部书记述职评议结果.xlsx`);
        }),
      ),
    },
    {
      action: 'close',
      data: () => ({ roundId: `ap_${PAST_YEAR}` }),
      expect: bureauOnly(okWith((d) => expect(d).toEqual({ roundId: `ap_${PAST_YEAR}`, ended: true }))),
    },
  ];

describe('who may call each action, and what they get', () => {
  const cases = rows.flatMap((row) => CALLERS.map((caller) => [row.action, caller, row] as const));
  it.each(cases)('%s — %s', async (_action, caller, row) => {
    const data = await row.data(caller);
    const { result, writes } = await writesOf(runtime, () => call(caller, row.action, data));
    await row.expect[caller](result);
    if (!result.ok) expect(writes).toBe(0);
  });

  it('every action was tried by an entitled caller and an outsider', () => {
    expect(coverage.missing()).toEqual([]);
  });
});

describe('well-formed input aimed at the wrong place', () => {
  it('a 述职 file from another branch’s folder or another function’s folder is refused, nothing written', async () => {
    for (const fileId of [
      'local://appraisal/b-sybx/other.pdf',
      'local://notices/b-qhyz-01/mine.pdf',
      'local://appraisal/b-qhyz/../b-sybx/x.pdf',
      'local://appraisal/b-qhyz/sub/x.pdf',
    ]) {
      const { result, writes } = await writesOf(runtime, () =>
        call('secretaryA', 'submit', {
          reportId: REPORT_A,
          text: '',
          attachments: [{ fileId, name: 'x.pdf', size: 10 }],
        }),
      );
      expect(result).toMatchObject({ ok: false });
      expect(writes).toBe(0);
    }
  });

  it('the own branch folder is accepted', async () => {
    const fileId = 'local://appraisal/b-qhyz/report-2026.pdf';
    const result = await call('secretaryA', 'submit', {
      reportId: REPORT_A,
      text: '',
      attachments: [{ fileId, name: '述职报告.pdf', size: 1000 }],
    });
    expect(result).toMatchObject({ ok: true });
  });

  it('ids of nothing, another branch’s report or a round as a report answer NOT_FOUND', async () => {
    for (const reportId of ['ap_1999_nobody', REPORT_B, `ap_${YEAR}`]) {
      for (const action of ['rate', 'submit', 'issueCodes'] as const) {
        const data =
          action === 'rate'
            ? { reportId, grade: 'good' }
            : action === 'submit'
              ? { reportId, text: '述职', attachments: [] }
              : { reportId, count: 1 };
        const { result, writes } = await writesOf(runtime, () => call('memberA', action, data));
        expectRefused(result, 'NOT_FOUND');
        expect(writes).toBeLessThanOrEqual(0);
      }
    }
  });

  it('a code of the right shape that was never issued is NOT_FOUND; a wrong shape INVALID_ARGUMENT', async () => {
    expectRefused(await call('memberB', 'teacherRate', { code: 'ZZZZ-ZZZZ-ZZZZ', grade: 'good' }), 'NOT_FOUND');
    for (const code of ['', 'ABC', 'ABCD-EFGH-IJKL', 'ABCD-EFGH-JKL0', { $ne: null }, 'x'.repeat(41)]) {
      expectRefused(await call('memberB', 'teacherRate', { code, grade: 'good' }), 'INVALID_ARGUMENT');
    }
    expectRefused(await call('memberB', 'teacherRate', { code: 'ZZZZ-ZZZZ-ZZZZ', grade: '优秀' }), 'INVALID_ARGUMENT');
  });

  it('teacherView: wrong shapes and extra fields are INVALID_ARGUMENT and write nothing', async () => {
    const [code] = await codesFor(runtime, REPORT_A, 1);
    for (const data of [
      {},
      { code: '' },
      { code: 'ABCD-EFGH-IJKL' },
      { code: { $ne: null } },
      { code: ['ZZZZ-ZZZZ-ZZZZ'] },
      { code: 'x'.repeat(41) },
      { code, reportId: REPORT_B },
      { code, grade: 'good' },
    ]) {
      const { result, writes } = await writesOf(runtime, () => call('memberB', 'teacherView', data));
      expectRefused(result, 'INVALID_ARGUMENT');
      expect(writes).toBe(0);
    }
  });

  it('teacherView: a code never issued is NOT_FOUND and changes nothing but the guess count', async () => {
    const result = await expectDatabaseUnchanged(
      () => call('unbound', 'teacherView', { code: 'ZZZZ-ZZZZ-ZZZY' }),
      [COLLECTIONS.rateLimits],
    );
    expectRefused(result, 'NOT_FOUND');
  });

  it('teacherView does not use the code up; once it is used, reading it is refused', async () => {
    const [code] = await codesFor(runtime, REPORT_A, 1);
    for (let i = 0; i < 3; i++) {
      const result = await expectDatabaseUnchanged(
        () => call('unbound', 'teacherView', { code }),
        [COLLECTIONS.rateLimits],
      );
      expect(result).toMatchObject({ ok: true, data: { secretaryName: '王建国' } });
    }
    ok(await call('unbound', 'teacherRate', { code, grade: 'good' }));
    expectRefused(await call('unbound', 'teacherView', { code }), 'CONFLICT');
    expectRefused(await call('unbound', 'teacherRate', { code, grade: 'poor' }), 'CONFLICT');
  });

  it('teacherView of a 述职 not yet written says so and shows nothing of it', async () => {
    const reportId = `ap_${YEAR}_b-zyxx-01`;
    const [code] = await codesFor(runtime, reportId, 1, DEMO.admin.openid);
    const result = await call('unbound', 'teacherView', { code });
    expectRefused(result, 'FAILED_PRECONDITION');
    expect(result).toMatchObject({ message: '书记尚未提交述职' });
  });

  it('windows and counts out of range are refused', async () => {
    expectRefused(
      await call('admin', 'open', { year: YEAR + 20, from: `${YEAR + 20}-12-31`, to: `${YEAR + 20}-12-01` }),
      'INVALID_ARGUMENT',
    );
    expectRefused(
      await call('admin', 'open', { year: YEAR + 20, from: `${YEAR + 20}-02-30`, to: `${YEAR + 20}-03-01` }),
      'INVALID_ARGUMENT',
    );
    expectRefused(await call('admin', 'open', currentWindow()), 'CONFLICT');
    expectRefused(await call('secretaryA', 'issueCodes', { reportId: REPORT_A, count: 0 }), 'INVALID_ARGUMENT');
    expectRefused(await call('secretaryA', 'issueCodes', { reportId: REPORT_A, count: 101 }), 'INVALID_ARGUMENT');
    expectRefused(
      await call('secretaryA', 'submit', { reportId: REPORT_A, text: '  ', attachments: [] }),
      'INVALID_ARGUMENT',
    );
  });

  it('an ended round takes no 述职, votes or codes', async () => {
    const past = `ap_${PAST_YEAR}_${DEMO.secretaryA.memberId}`;
    expectRefused(
      await call('secretaryA', 'submit', { reportId: past, text: '补交', attachments: [] }),
      'FAILED_PRECONDITION',
    );
    expectRefused(await call('memberA', 'rate', { reportId: past, grade: 'good' }), 'FAILED_PRECONDITION');
    expectRefused(await call('secretaryA', 'issueCodes', { reportId: past, count: 1 }), 'FAILED_PRECONDITION');
    expectRefused(await call('admin', 'export', { year: YEAR }), 'FAILED_PRECONDITION');
  });

  it('a member who joined after the round opened may read but not rate', async () => {
    const { aMember } = await import('../../support/factories');
    const late = await aMember(DEMO.secretaryA.branchId);
    const mine = ok(await fx.call<{ toRate: RateItem[] }>(late.openid!, 'appraisal', 'mine', { year: YEAR }));
    expect(mine.toRate[0]).toMatchObject({
      reportId: REPORT_A,
      rated: false,
      blocked: expect.stringContaining('加入'),
    });
    expectRefused(
      await fx.call(late.openid!, 'appraisal', 'rate', { reportId: REPORT_A, grade: 'good' }),
      'FAILED_PRECONDITION',
    );
  });
});
