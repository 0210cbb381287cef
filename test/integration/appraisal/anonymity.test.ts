import fs from 'node:fs';
import cloud from 'wx-server-sdk';
import { COLLECTIONS, type Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { callAs, DEMO, startTestRuntime } from '../../support/runtime';
import { readSheet } from '../../support/xlsx';
import { codesFor, ok, openWithReports, REPORT_A, YEAR } from './helpers';

/**
 * Votes by members and teachers, under latency so requests interleave: one vote per member and
 * per code however many arrive at once, and nothing anywhere — answers, audit log, stored
 * documents, export — that ties a rater to a grade.
 */
let runtime: LocalRuntime;
const outputs: unknown[] = [];
const call = async <T = unknown>(openid: string | null, action: string, data?: unknown): Promise<Result<T>> => {
  const result = await callAs<T>(runtime, openid, 'appraisal', action, data);
  outputs.push(result);
  return result;
};
const db = () => cloud.database();
const all = async (collection: string) =>
  ((await db().collection(collection).limit(1000).get()) as { data: Record<string, unknown>[] }).data;

/** What would name the raters of branch A: their ids, names and WeChat ids. */
const RATERS = [
  { id: DEMO.memberA.memberId, openid: DEMO.memberA.openid, name: '刘洋' },
  { id: DEMO.committeeA.memberId, openid: DEMO.committeeA.openid, name: '李秀英' },
];

beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  await openWithReports(runtime);
}, 30_000);
afterAll(() => runtime.close());

describe('votes under concurrency', () => {
  it('20 simultaneous rates by one member give one vote, the rest CONFLICT', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(DEMO.memberA.openid, 'rate', { reportId: REPORT_A, grade: i % 2 ? 'good' : 'average' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    const votes = await all(COLLECTIONS.appraisalVotes);
    expect(votes.filter((v) => v.reportId === REPORT_A && v.source === 'member')).toHaveLength(1);
  });

  it('one code sent twice at once (a WeChat user and an H5 caller with no login) gives one vote', async () => {
    const [code] = await codesFor(runtime, REPORT_A, 1);
    const results = await Promise.all([
      call('wx_teacher_0001', 'teacherRate', { code, grade: 'good' }),
      call(null, 'teacherRate', { code: code!.toLowerCase().replace(/-/g, ' '), grade: 'poor' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(results.find((r) => r.ok)).toMatchObject({ ok: true, data: { secretaryName: '王建国' } });
    const teacherVotes = (await all(COLLECTIONS.appraisalVotes)).filter((v) => v.source === 'teacher');
    expect(teacherVotes).toHaveLength(1);
  });

  it('20 teachers with 20 codes at once all count', async () => {
    const codes = await codesFor(runtime, REPORT_A, 20);
    const results = await Promise.all(codes.map((code) => call(null, 'teacherRate', { code, grade: 'fairlyGood' })));
    expect(results.every((r) => r.ok)).toBe(true);
    const teacherVotes = (await all(COLLECTIONS.appraisalVotes)).filter((v) => v.source === 'teacher');
    expect(teacherVotes).toHaveLength(21);
  });

  it('a secretary cannot rate their own 述职', async () => {
    expect(await call(DEMO.secretaryA.openid, 'rate', { reportId: REPORT_A, grade: 'good' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
    });
  });

  it('guessing codes is limited; a caller who is locked out cannot use even a genuine code', async () => {
    const guesser = 'wx_guesser_0001';
    for (let i = 0; i < 10; i++) {
      const r = await call(guesser, 'teacherRate', { code: `ABCD-EFGH-JK${'23456789AB'[i]}Z`, grade: 'poor' });
      expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    const [code] = await codesFor(runtime, REPORT_A, 1);
    expect(await call(guesser, 'teacherRate', { code, grade: 'poor' })).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    });
    // Another teacher is not held up by the guesser.
    expect(await call('wx_teacher_0002', 'teacherRate', { code, grade: 'poor' })).toMatchObject({ ok: true });
  });

  it('reading with a code shares the guessing limit with rating', async () => {
    const guesser = 'wx_guesser_0002';
    const wrong = (i: number) => `ABCD-EFGH-JK${'23456789AB'[i]}Y`;
    for (let i = 0; i < 6; i++) {
      expect(await call(guesser, 'teacherView', { code: wrong(i) })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    for (let i = 6; i < 10; i++) {
      expect(await call(guesser, 'teacherRate', { code: wrong(i), grade: 'poor' })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
    }
    const [code] = await codesFor(runtime, REPORT_A, 1);
    expect(await call(guesser, 'teacherView', { code })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(await call(guesser, 'teacherRate', { code, grade: 'poor' })).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    });
  });

  it('reading a genuine code again and again costs no attempts, at once or one after another', async () => {
    const [code] = await codesFor(runtime, REPORT_A, 1);
    const reader = 'wx_teacher_0003';
    const burst = await Promise.all(Array.from({ length: 8 }, () => call(reader, 'teacherView', { code })));
    expect(burst.filter((r) => !r.ok)).toEqual([]);
    for (let i = 0; i < 12; i++) expect(await call(reader, 'teacherView', { code })).toMatchObject({ ok: true });
    expect(await call(reader, 'teacherRate', { code, grade: 'good' })).toMatchObject({ ok: true });
    expect(await call(reader, 'teacherView', { code })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('what a code reads is the same before and after votes are cast: it tells nothing of them', async () => {
    const [code, other] = await codesFor(runtime, REPORT_A, 2);
    const before = ok(await call<Record<string, unknown>>(null, 'teacherView', { code }));
    ok(await call(null, 'teacherRate', { code: other, grade: 'poor' }));
    ok(await call(DEMO.memberB.openid, 'rate', { reportId: `ap_${YEAR}_${DEMO.secretaryB.memberId}`, grade: 'good' }));
    const after = ok(await call<Record<string, unknown>>(null, 'teacherView', { code }));
    expect(after).toEqual(before);
    expect(Object.keys(after).sort()).toEqual(['attachments', 'branchName', 'secretaryName', 'text', 'year']);
    ok(await call(null, 'teacherRate', { code, grade: 'good' }));
  });
});

describe('nothing ties a rater to a grade', () => {
  beforeAll(async () => {
    ok(await call(DEMO.committeeA.openid, 'rate', { reportId: REPORT_A, grade: 'poor' }));
    // Every reading action by every role, before and after the round ends.
    const readers = [DEMO.admin, DEMO.secretaryA, DEMO.committeeA, DEMO.memberA, DEMO.secretaryB, DEMO.memberB];
    for (const r of readers) await call(r.openid, 'mine', { year: YEAR });
    await call(DEMO.admin.openid, 'overview', { year: YEAR, page: 1, pageSize: 50 });
    ok(await call(DEMO.admin.openid, 'close', { roundId: `ap_${YEAR}` }));
    for (const r of readers) await call(r.openid, 'mine', { year: YEAR });
    await call(DEMO.admin.openid, 'overview', { year: YEAR, page: 1, pageSize: 50 });
  }, 30_000);

  it('grades show only once the round has ended, as counts by source', async () => {
    const before = outputs.find(
      (o) => (o as Result<{ round: { ended: boolean } | null }>).ok && JSON.stringify(o).includes('"ended":false'),
    ) as Result<{ own?: { result: unknown } | null; items?: { result: unknown }[] }>;
    expect(before).toBeDefined();
    const own = ok(
      await call<{ own: { result: unknown; memberRated: number } }>(DEMO.secretaryA.openid, 'mine', { year: YEAR }),
    ).own;
    expect(own.memberRated).toBe(2);
    expect(own.result).toEqual({
      member: { good: expect.any(Number), fairlyGood: 0, average: expect.any(Number), poor: 1 },
      teacher: { good: expect.any(Number), fairlyGood: 20, average: 0, poor: expect.any(Number) },
    });
    const row = ok(
      await call<{
        items: { reportId: string; result: { member: Record<string, number>; teacher: Record<string, number> } }[];
      }>(DEMO.admin.openid, 'overview', { year: YEAR, page: 1, pageSize: 50 }),
    ).items.find((i) => i.reportId === REPORT_A)!;
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(sum(row.result.member)).toBe(2);
    // 1 + 20 + 1 from the concurrency tests, 3 from the reading tests.
    expect(sum(row.result.teacher)).toBe(25);
  });

  it('while the round was open, no answer carried a grade count', () => {
    for (const o of outputs) {
      const text = JSON.stringify(o);
      if (text.includes('"ended":false')) expect(text).not.toMatch(/"result":\{/);
    }
  });

  it('no answer of any action names a rater', () => {
    const mineOfRater = outputs.filter((o) => JSON.stringify(o).includes('"toRate"'));
    expect(mineOfRater.length).toBeGreaterThan(0);
    for (const o of outputs) {
      const text = JSON.stringify(o);
      for (const r of RATERS) {
        expect(text).not.toContain(r.id);
        expect(text).not.toContain(r.openid);
        expect(text).not.toContain(r.name);
      }
    }
  });

  it('a vote stores only its keyed id, the report and the grade: no rater, no code, no time', async () => {
    const votes = await all(COLLECTIONS.appraisalVotes);
    // 25 teacher votes and 2 member votes on A, 1 member vote on B.
    expect(votes.length).toBe(28);
    for (const v of votes) {
      expect(Object.keys(v).sort()).toEqual(['_id', 'grade', 'reportId', 'roundId', 'source']);
      expect(v._id).toMatch(/^[mt]_[\w-]{32}$/);
      const text = JSON.stringify(v);
      for (const r of RATERS) {
        expect(text).not.toContain(r.id);
        expect(text).not.toContain(r.openid);
      }
    }
    const codes = await all(COLLECTIONS.appraisalCodes);
    for (const c of codes) {
      expect(Object.keys(c).sort()).toEqual(['_id', 'branchId', 'reportId', 'roundId']);
      expect(c._id).toMatch(/^tc_[\w-]{40}$/);
    }
  });

  it('the audit log records the round, the 述职 and the codes, never a vote or a rater', async () => {
    const entries = (await all(COLLECTIONS.auditLogs)).filter((e) => String(e.action).startsWith('appraisal.'));
    expect(entries.map((e) => e.action).sort()).toEqual(
      expect.arrayContaining(['appraisal.open', 'appraisal.submit', 'appraisal.issueCodes', 'appraisal.close']),
    );
    const text = JSON.stringify(await all(COLLECTIONS.auditLogs));
    for (const r of RATERS) {
      expect(text).not.toContain(r.id);
      expect(text).not.toContain(r.name);
    }
    expect(text).not.toMatch(/"grade"/);
  });

  it('the export holds counts and shares per secretary, no rater', async () => {
    const file = ok(await call<{ fileId: string; fileName: string }>(DEMO.admin.openid, 'export', { year: YEAR }));
    expect(file.fileName).toBe(`${YEAR}年度支部书记述职评议结果.xlsx`);
    const path = runtime.storage.resolve(file.fileId.slice('local://'.length));
    const rows = await readSheet(fs.readFileSync(path!).toString('base64'));
    expect(rows[0]).toEqual(
      expect.arrayContaining(['支部', '书记', '党员评价数', '党员好', '教师评价数', '教师差占比']),
    );
    const a = rows.find((r) => r[1] === '王建国')!;
    expect(a[0]).toBe('清河县第一中学党支部');
    expect(a[4]).toBe('2');
    const text = JSON.stringify(rows);
    for (const r of RATERS) expect(text).not.toContain(r.name);
  });
});
