import fc from 'fast-check';
import { contracts, type ActivityDetail, type Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, startingIn } from '../../support/activities';
import { BRANCH_A, BRANCH_B, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { OWN_AUTHORIZATION_SUITES } from '../../support/coverage';
import { writesOf } from '../../support/snapshot';
import { rosterFile } from '../../support/xlsx';
import { buildWorld, expectOk, genuineToken, MISSING, PEOPLE, type World } from './world';

/**
 * Sizes and characters nobody types: huge pages, megabyte strings, ten thousand ids, unicode edge
 * cases. Each is refused with INVALID_ARGUMENT or clamped, quickly, and writes nothing when refused.
 */
let runtime: LocalRuntime;
let fx: Fixture;
let world: World;
let rosterA: string;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  world = await buildWorld(fx);
  rosterA = await rosterFile([['王小明', '男', '13800000001', '正式党员', '2010-07-01', '', '教师']]);
}, 30_000);
afterAll(() => runtime.close());

const isOwnSuite = (fn: string) => (OWN_AUTHORIZATION_SUITES as readonly string[]).includes(fn);

/** Well under the 3 s a cloud function gets by default, and far above what a refusal should take. */
const FAST_MS = 1500;

async function timed(caller: string, fn: string, action: string, data: unknown) {
  const started = performance.now();
  const { result, writes } = await writesOf(runtime, () => fx.call(caller, fn, action, data));
  return { result, writes, ms: performance.now() - started };
}

function expectInvalidQuickly(outcome: { result: Result<unknown>; writes: number; ms: number }) {
  expect(outcome.result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  expect(outcome.writes).toBe(0);
  expect(outcome.ms).toBeLessThan(FAST_MS);
}

/** One valid call per action, by someone allowed to make it: the base every oversized variant starts from. */
const VALID: Record<string, { caller: string; data: (w: World) => unknown }> = {
  'member.login': { caller: 'memberA', data: () => ({}) },
  'member.me': { caller: 'memberA', data: () => ({}) },
  'member.bind': { caller: 'unbound', data: (w) => ({ code: w.inviteB }) },
  'member.create': {
    caller: 'secretaryA',
    data: () => ({
      name: '王小明',
      status: '正式党员',
      phone: '13800000001',
      position: '教师',
      joinedPartyAt: '2010-07-01',
    }),
  },
  'member.update': {
    caller: 'secretaryA',
    data: () => ({ memberId: DEMO.memberA.memberId, patch: { position: '教师', name: '刘洋' } }),
  },
  'member.deactivate': {
    caller: 'secretaryA',
    data: () => ({ memberId: DEMO.memberA.memberId, reason: 'other', effectiveDate: '2026-01-01', note: '调往外县' }),
  },
  'member.get': { caller: 'secretaryA', data: () => ({ memberId: DEMO.memberA.memberId }) },
  'member.list': { caller: 'secretaryA', data: () => ({ page: 1, pageSize: 20, keyword: '王', branchId: BRANCH_A }) },
  'member.createInvite': { caller: 'secretaryA', data: () => ({ memberId: DEMO.unboundA.memberId }) },
  'member.unbind': { caller: 'secretaryA', data: () => ({ memberId: DEMO.memberA.memberId }) },
  'member.setRoles': { caller: 'admin', data: () => ({ memberId: DEMO.memberA.memberId, roles: ['committee'] }) },
  'member.exemptions': { caller: 'secretaryA', data: () => ({ memberId: DEMO.memberA.memberId }) },
  'member.addExemption': {
    caller: 'secretaryA',
    data: () => ({
      memberId: DEMO.memberA.memberId,
      reason: 'other',
      note: '援疆支教一年',
      from: '2030-01-01',
      to: '2030-12-31',
    }),
  },
  'member.endExemption': {
    caller: 'secretaryA',
    data: () => ({ exemptionId: 'ex_000000000abcdef', lastDay: '2030-06-30', reason: '提前返校' }),
  },
  'org.branches': { caller: 'admin', data: () => ({ page: 1, pageSize: 20 }) },
  'org.branch': { caller: 'admin', data: () => ({ branchId: BRANCH_B }) },
  'org.createBranch': {
    caller: 'admin',
    data: () => ({
      name: '新建学校党支部',
      kind: 'school',
      schools: ['新建学校'],
      partyGroups: [{ id: 'g1', name: '第一党小组' }],
    }),
  },
  'org.renameBranch': { caller: 'admin', data: () => ({ branchId: BRANCH_B, name: '实验小学党支部' }) },
  'org.setPartyGroups': {
    caller: 'admin',
    data: () => ({ branchId: BRANCH_B, partyGroups: [{ id: 'g1', name: '低年级党小组' }] }),
  },
  'org.mergeBranches': { caller: 'admin', data: () => ({ sourceBranchIds: [BRANCH_B], targetBranchId: BRANCH_A }) },
  'org.splitBranch': {
    caller: 'admin',
    data: () => ({
      branchId: BRANCH_B,
      memberIds: [DEMO.memberB.memberId],
      newBranch: { name: '分出的党支部', kind: 'school', schools: ['分出的学校'] },
    }),
  },
  'org.auditLog': { caller: 'admin', data: () => ({ page: 1, pageSize: 20, branchId: BRANCH_A, targetId: MISSING }) },
  'roster.import': { caller: 'secretaryA', data: () => ({ branchId: BRANCH_A, mode: 'check', fileBase64: rosterA }) },
  'roster.export': { caller: 'secretaryA', data: () => ({ branchId: BRANCH_A }) },
  'roster.template': { caller: 'secretaryA', data: () => ({}) },
  'activity.create': {
    caller: 'secretaryA',
    data: () => ({
      ...startingIn(600),
      agenda: '学习党章',
      audience: { kind: 'members', memberIds: [DEMO.memberA.memberId] },
    }),
  },
  'activity.push': { caller: 'admin', data: () => ({ ...startingIn(600), branchIds: [BRANCH_A] }) },
  'activity.update': {
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.a.later, patch: { title: '支部党员大会', place: '报告厅', agenda: '议程' } }),
  },
  'activity.cancel': { caller: 'secretaryA', data: (w) => ({ activityId: w.a.later, reason: '临时取消' }) },
  'activity.list': { caller: 'secretaryA', data: () => ({ scope: 'past', page: 1, pageSize: 20 }) },
  'activity.home': { caller: 'secretaryA', data: () => ({}) },
  'activity.get': { caller: 'secretaryA', data: (w) => ({ activityId: w.a.now }) },
  'activity.checkinCode': { caller: 'secretaryA', data: (w) => ({ activityId: w.a.now }) },
  'activity.checkin': {
    caller: 'memberA',
    // The secret exists only once the runtime runs; the table is listed before that.
    data: (w) => ({ token: w.allA.length > 0 ? genuineToken(w.a.now) : 'a1.1.placeholder' }),
  },
  'activity.requestLeave': { caller: 'memberA', data: (w) => ({ activityId: w.a.later, reason: '外出培训' }) },
  'activity.reviewLeave': {
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.a.later, memberId: PEOPLE.memberA2.memberId, approve: true, comment: '同意' }),
  },
  'activity.markAttendance': {
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.a.now, memberId: DEMO.memberA.memberId, state: 'present', reason: '手工补签' }),
  },
  'activity.attendance': { caller: 'secretaryA', data: (w) => ({ activityId: w.a.now }) },
  'activity.myAttendance': { caller: 'memberA', data: () => ({ page: 1, pageSize: 20 }) },
  'activity.saveMinutes': {
    caller: 'secretaryA',
    data: (w) => ({
      activityId: w.a.ended,
      text: '会议传达学习了上级文件精神。',
      photos: [`cloud://zhibu.7a68-zhibu/minutes/${BRANCH_A}/${w.a.ended}/1.jpg`],
    }),
  },
  'activity.remind': { caller: 'secretaryA', data: (w) => ({ activityId: w.a.later }) },
  'jobs.recount': { caller: 'admin', data: () => ({ months: ['2026-11'] }) },
};

type Path = (string | number)[];

/** Every string, number and array inside a value, by path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value)) {
    return [{ path, value }, ...value.flatMap((v, i) => leaves(v, [...path, i]))];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [{ path, value }];
}

function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head as string]: replaced(record[head as string], rest, by) };
}

describe('the table of valid calls', () => {
  it('has a row for every action of every function', () => {
    // notice, study, quiz and stats carry their own hostile-input sections beside their authorization suites.
    const all = Object.entries(contracts)
      .filter(([fn]) => !isOwnSuite(fn))
      .flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`));
    expect(all.filter((a) => !(a in VALID))).toEqual([]);
  });

  it('holds data every contract accepts', () => {
    for (const [key, row] of Object.entries(VALID)) {
      const [fn, action] = key.split('.') as [keyof typeof contracts, string];
      const contract = (contracts[fn] as Record<string, { input: { safeParse(v: unknown): { success: boolean } } }>)[
        action
      ]!;
      expect([key, contract.input.safeParse(row.data(world)).success]).toEqual([key, true]);
    }
  });
});

const MEGA = 'x'.repeat(1_000_000);
const MEGA_CJK = '党'.repeat(300_000);
/** The shape of the world before it exists, so the table of cases can be listed when the file loads. */
const ids = { now: 'a1', later: 'a2', ended: 'a3', cancelled: 'a4', committee: 'a5' };
const PLACEHOLDER: World = { a: ids, b: ids, allA: [], allB: [], inviteB: 'HQ222222' };
const rows = Object.entries(VALID).flatMap(([key, row]) =>
  leaves(row.data(PLACEHOLDER))
    .filter((leaf) => typeof leaf.value === 'string' || typeof leaf.value === 'number' || Array.isArray(leaf.value))
    .map((leaf) => [`${key} ${leaf.path.join('.') || '(data)'}`, key, row, leaf.path, leaf.value] as const),
);

describe('every string, number and array of every action, blown up', () => {
  it.each(rows)('%s', async (_label, key, row, path, original) => {
    const [fn, action] = key.split('.') as [string, string];
    const base = row.data(world);
    const variants: unknown[] =
      typeof original === 'string'
        ? [MEGA, MEGA_CJK]
        : typeof original === 'number'
          ? [1e6, 1e9, Number.MAX_SAFE_INTEGER, -1, 0.5]
          : [
              Array.from({ length: 10_000 }, (_, i) =>
                typeof (original as unknown[])[0] === 'string' ? `${MISSING}-${i}` : i,
              ),
            ];
    for (const variant of variants) {
      const outcome = await timed(row.caller, fn, action, replaced(base, path, variant));
      expectInvalidQuickly(outcome);
    }
  });
});

describe('the largest pages the contracts allow', () => {
  it.each([
    ['member', 'list', 'secretaryA', {}],
    ['org', 'branches', 'admin', { includeInactive: true }],
    ['org', 'auditLog', 'admin', {}],
    ['activity', 'list', 'secretaryA', { scope: 'past' }],
    ['activity', 'list', 'memberA', { scope: 'upcoming' }],
    ['activity', 'myAttendance', 'memberA', {}],
  ] as const)(
    '%s.%s by %s: page 10,000 of 50 answers an empty page with the true total',
    async (fn, action, caller, rest) => {
      const first = expectOk(
        await fx.call<{ items: unknown[]; total: number }>(caller, fn, action, { ...rest, page: 1, pageSize: 50 }),
      );
      const far = await timed(caller, fn, action, { ...rest, page: 10_000, pageSize: 50 });
      expect(far.result).toEqual({ ok: true, data: { items: [], total: first.total } });
      expect(far.ms).toBeLessThan(FAST_MS);
      expect(first.items.length).toBeLessThanOrEqual(50);
    },
  );
});

describe('lists of ids at the limits the contracts allow', () => {
  const at = (n: number, id: (i: number) => string) => Array.from({ length: n }, (_, i) => id(i));

  it('an audience of 500 people who do not exist is refused quickly', async () => {
    const outcome = await timed('secretaryA', 'activity', 'create', {
      ...startingIn(600),
      audience: { kind: 'members', memberIds: at(500, (i) => `${MISSING}-${i}`) },
    });
    expectInvalidQuickly(outcome);
  });

  it('an audience of 499 people of another branch and one of our own is refused quickly', async () => {
    const outcome = await timed('secretaryA', 'activity', 'create', {
      ...startingIn(600),
      audience: {
        kind: 'members',
        memberIds: [DEMO.memberA.memberId, ...at(499, (i) => `b-sybx-${String((i % 11) + 1).padStart(2, '0')}`)],
      },
    });
    expectInvalidQuickly(outcome);
  });

  it('one member named 500 times is one attendee', async () => {
    const activityId = await createActivity(fx, 'secretaryA', {
      ...startingIn(600),
      audience: { kind: 'members', memberIds: at(500, () => DEMO.memberA.memberId) },
    });
    const shown = expectOk(await fx.call<ActivityDetail>('secretaryA', 'activity', 'get', { activityId }));
    expect(shown.expected).toBe(1);
  });

  it('a push to 300 branches that do not exist is refused quickly and writes nothing', async () => {
    const outcome = await timed('admin', 'activity', 'push', {
      ...startingIn(600),
      branchIds: at(300, (i) => `${MISSING}-${i}`),
    });
    expect(outcome.result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(outcome.writes).toBe(0);
    expect(outcome.ms).toBeLessThan(FAST_MS);
  });

  it('a split of 500 people who do not exist is refused quickly and writes nothing', async () => {
    const outcome = await timed('admin', 'org', 'splitBranch', {
      branchId: BRANCH_B,
      memberIds: at(500, (i) => `${MISSING}-${i}`),
      newBranch: { name: '分出的党支部', kind: 'school', schools: ['分出的学校'] },
    });
    expect(outcome.result).toMatchObject({ ok: false, code: expect.stringMatching(/FAILED_PRECONDITION|NOT_FOUND/) });
    expect(outcome.writes).toBe(0);
    expect(outcome.ms).toBeLessThan(FAST_MS);
  });

  it('a merge of ten branches, the last of which does not exist, writes nothing', async () => {
    const outcome = await timed('admin', 'org', 'mergeBranches', {
      sourceBranchIds: ['b-sybx', 'b-zyxx', 'b-jgyey', 'b-sqlh', ...at(6, (i) => `${MISSING}-${i}`)],
      targetBranchId: BRANCH_A,
    });
    expect(outcome.result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(outcome.writes).toBe(0);
  });
});

/** Characters that break naive code: lone surrogates, NUL, direction overrides, joiners, astral planes. */
const EDGE_CASES = [
  '\uD800会议',
  '会议\uDFFF',
  '会\u0000议',
  '\u202E议会\u202C',
  '\uFEFF会议\uFEFF',
  '会\u200D议\u200B',
  '👨‍👩‍👧‍👦 家庭',
  'é'.normalize('NFD').repeat(20),
  '𠀀𠀁𠀂 扩展B区汉字',
  '会议\u2028第二行\u2029',
  '\uFFFE\uFFFF非字符',
  'ﷺ عربي עברית',
];

/** Any text at all, of the lengths a field accepts. */
const anyText = (min: number, max: number) =>
  fc.oneof(
    fc.constantFrom(...EDGE_CASES),
    fc.string({ unit: 'binary', minLength: min, maxLength: max }),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: max }),
  );

describe('unicode edge cases in free text', () => {
  it('an activity title is stored as sent, or refused as invalid, never an internal error (property)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(2, 60), async (title) => {
        const result = await fx.call<{ activityId: string }>('secretaryA', 'activity', 'create', {
          ...startingIn(600),
          title,
          audience: { kind: 'members', memberIds: [DEMO.memberA.memberId] },
        });
        if (!result.ok) {
          expect(result.code).toBe('INVALID_ARGUMENT');
          return;
        }
        const shown = expectOk(await fx.call<ActivityDetail>('secretaryA', 'activity', 'get', result.data));
        // Text is kept to the character, or the call is refused: never silently altered.
        expect(shown.title).toBe(title.trim());
      }),
      { numRuns: 30 },
    );
  }, 20_000);

  it('a leave reason is kept to the character, or refused, never an internal error (property)', async () => {
    const activityId = await createActivity(fx, 'secretaryA', startingIn(900));
    await fc.assert(
      fc.asyncProperty(anyText(2, 200), async (reason) => {
        const result = await fx.call<ActivityDetail>('memberA', 'activity', 'requestLeave', { activityId, reason });
        if (!result.ok) {
          expect(result.code).toBe('INVALID_ARGUMENT');
          return;
        }
        expect(result.data.myLeave?.reason).toBe(reason.trim());
      }),
      { numRuns: 30 },
    );
  }, 20_000);

  it('a roster search with any text answers, and finds only names that contain it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(0, 20), fc.constantFrom('memberA', 'secretaryA'), async (keyword, caller) => {
        const result = await fx.call<{ items: { name: string; branchId: string }[] }>(caller, 'member', 'list', {
          keyword,
          page: 1,
          pageSize: 50,
        });
        if (!result.ok) {
          expect(result.code).toBe('INVALID_ARGUMENT');
          return;
        }
        const word = keyword.trim();
        for (const item of result.data.items) {
          expect(item.branchId).toBe(BRANCH_A);
          if (!/[A-Za-z]/.test(word)) expect(item.name).toContain(word);
        }
      }),
      { numRuns: 30 },
    );
  }, 20_000);

  it('a person name made of edge-case characters is refused as invalid, writing nothing', async () => {
    const names = [
      '\uD800会议',
      '会议\uDFFF',
      '会\u0000议',
      '\u202E议会\u202C',
      '会\u200D议\u200B',
      '👨‍👩‍👧‍👦',
      '\uFFFF非字符',
    ];
    for (const name of names) {
      const outcome = await timed('secretaryA', 'member', 'create', { name, status: '正式党员' });
      expectInvalidQuickly(outcome);
    }
  });
});

describe('roster files of hostile size', () => {
  it('a roster of 1,001 people is refused as a whole, writing nothing', async () => {
    const people = Array.from({ length: 1001 }, (_, i) => [
      `王${'一二三四五六七八九十'[i % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(i / 10) % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 100) % 10]}`,
      '男',
      `139${String(i).padStart(8, '0')}`,
      '正式党员',
      '',
      '',
      '',
    ]);
    const fileBase64 = await rosterFile(people);
    for (const mode of ['check', 'commit'] as const) {
      const outcome = await timed('secretaryA', 'roster', 'import', { mode, fileBase64 });
      expect(outcome.result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(outcome.writes).toBe(0);
      // Reading a thousand-row sheet takes a moment; it must still fit a function's time.
      expect(outcome.ms).toBeLessThan(5 * FAST_MS);
    }
  }, 20_000);

  it('a cell of a million characters is reported as a row error, quickly, writing nothing', async () => {
    const fileBase64 = await rosterFile([
      ['张'.repeat(1_000_000), '男', '', '正式党员', '', '', ''],
      ['李四', '女', '', '正式党员', '', '', 'x'.repeat(1_000_000)],
    ]);
    for (const mode of ['check', 'commit'] as const) {
      const outcome = await timed('secretaryA', 'roster', 'import', { mode, fileBase64 });
      const report = expectOk(outcome.result as Result<{ valid: boolean; created: number; errors: unknown[] }>);
      expect(report).toMatchObject({ valid: false, created: 0 });
      expect(report.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 2, column: '姓名' }),
          expect.objectContaining({ row: 3 }),
        ]),
      );
      expect(JSON.stringify(report).length).toBeLessThan(10_000);
      expect(outcome.writes).toBe(0);
      expect(outcome.ms).toBeLessThan(5 * FAST_MS);
    }
  }, 20_000);
});
