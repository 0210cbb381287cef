import {
  COLLECTIONS,
  type DuesBaseItem,
  type DuesBoard,
  type DuesMonth,
  type DuesOverview,
  type DuesSettings,
  type MemberDues,
  type Result,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { actionCoverage } from '../../support/coverage';
import { aMember } from '../../support/factories';
import { BRANCH_A, BRANCH_B, CALLER_RECORDS, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { readSheet } from '../../support/xlsx';
import { baseSheet, count, memberWithBase, unwrap, uploadSheet, YEAR } from './helpers';

/**
 * Every dues action × every kind of caller, checking what comes back. Each call meets a fresh member
 * of branch A with a base of 4,000.00 yuan from January, so what one caller did never changes what
 * the next one meets.
 */
const CALLERS = ['admin', 'secretaryA', 'committeeA', 'memberA', 'memberB', 'secretaryB', 'unbound'] as const;
type Caller = (typeof CALLERS)[number];
interface Target {
  memberId: string;
  name: string;
  openid: string;
}
type Check = (result: Result<unknown>, target: Target) => void | Promise<void>;

let runtime: LocalRuntime;
let fx: Fixture;
const coverage = actionCoverage('dues');
const QUARTER = `${YEAR}-Q1`;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  unwrap(await fx.call('secretaryA', 'dues', 'publish', { quarter: QUARTER }));
});
afterAll(() => runtime.close());

const DIGITS = '零一二三四五六七八九';
let made = 0;
/** A person with a name of their own, so a base sheet can name them unambiguously. */
async function target(): Promise<Target> {
  const n = String(++made).padStart(3, '0');
  const name = `缴费${[...n].map((d) => DIGITS[Number(d)]).join('')}`;
  const { member } = await memberWithBase(fx, { name, phone: `1390000${n.padStart(4, '0')}` });
  return { memberId: member._id, name, openid: member.openid! };
}

const refused =
  (code: string): Check =>
  (result) =>
    expectRefused(result, code);
const ok =
  <T>(check: (data: T, target: Target) => void | Promise<void>): Check =>
  (result, t) => {
    if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
    return check(result.data as T, t);
  };
const FORBIDDEN = refused('FORBIDDEN');
const NOT_FOUND = refused('NOT_FOUND');
const UNAUTH = refused('UNAUTHENTICATED');

const settingsOk = ok((s: DuesSettings) => {
  expect(s.inService.map((b) => b.upTo)).toEqual([300_000, 500_000, 1_000_000, null]);
  expect(s.fixedMonthly).toBe(20);
});
const listed = (has: boolean) =>
  ok((page: { items: DuesBaseItem[] }, t) => {
    const row = page.items.find((i) => i.memberId === t.memberId);
    if (has) expect(row).toMatchObject({ name: t.name, base: 400_000, monthly: 4000, category: 'in_service' });
    else expect(row).toBeUndefined();
  });
const memberOk = ok((d: MemberDues, t) => {
  expect(d).toMatchObject({ memberId: t.memberId, name: t.name, year: YEAR });
  expect(d.entries.map((e) => e.base)).toEqual([400_000]);
});
const paymentOk = ok(async (d: { paymentId: string; due: number }, t) => {
  expect(d.due).toBe(4000);
  expect(await count(COLLECTIONS.duesMonths, { memberId: t.memberId })).toBe(1);
});
const published = (branchId: string) =>
  ok((d: { boardId: string; version: number }) => {
    expect(d.boardId.startsWith(`${branchId}_${QUARTER}_v`)).toBe(true);
  });
const boardOk = ok((b: DuesBoard) => {
  expect(b).toMatchObject({ branchId: BRANCH_A, quarter: QUARTER });
  expect(b.rows.length).toBeGreaterThan(0);
});
const overviewOf = (branches: string[] | 'all') =>
  ok((o: DuesOverview) => {
    const ids = o.branches.map((b) => b.branchId);
    if (branches === 'all') expect(ids).toEqual(expect.arrayContaining([BRANCH_A, BRANCH_B]));
    else expect(ids).toEqual(branches);
    expect(o.months).toHaveLength(12);
  });
const templateOf = (has: boolean) =>
  ok(async (d: { fileBase64: string }, t) => {
    const names = (await readSheet(d.fileBase64)).map((r) => r[0]);
    expect(names[0]).toBe('姓名');
    expect(names.includes(t.name)).toBe(has);
  });
const importOk = ok((d: { valid: boolean; updated: number }) => expect(d).toMatchObject({ valid: true, updated: 1 }));
const importUnknown = ok((d: { valid: boolean; updated: number; errors: { message: string }[] }, t) => {
  expect(d).toMatchObject({ valid: false, updated: 0 });
  expect(d.errors[0]!.message).toContain(`本支部没有缴纳党费的党员“${t.name}”`);
});
const mineOk = (own: 'none' | 'target') =>
  ok((d: { months: DuesMonth[] }) => {
    expect(d.months).toHaveLength(12);
    if (own === 'none') expect(d.months.every((m) => m.due === 0)).toBe(true);
  });
const reminded = (reaches: boolean) =>
  ok(async (d: { sent: number }, t) => {
    expect(typeof d.sent).toBe('number');
    const got = await count('outbox', { touser: t.openid, templateId: 'local-dues-reminder' });
    if (!reaches) expect(got).toBe(0);
  });

const rows: Record<
  string,
  { data: (t: Target, caller: Caller) => Promise<unknown> | unknown; expect: Record<Caller, Check> }
> = {
  settings: {
    data: () => undefined,
    expect: {
      admin: settingsOk,
      secretaryA: settingsOk,
      committeeA: settingsOk,
      memberA: settingsOk,
      memberB: settingsOk,
      secretaryB: settingsOk,
      unbound: UNAUTH,
    },
  },
  configure: {
    data: () => ({ fixedMonthly: 20 }),
    expect: {
      admin: settingsOk,
      secretaryA: FORBIDDEN,
      committeeA: FORBIDDEN,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  bases: {
    data: () => ({ year: YEAR, page: 1, pageSize: 50 }),
    expect: {
      admin: listed(false),
      secretaryA: listed(true),
      committeeA: listed(true),
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: listed(false),
      unbound: UNAUTH,
    },
  },
  setBase: {
    data: (t) => ({ memberId: t.memberId, year: YEAR, base: 400_000, category: 'in_service', fromMonth: `${YEAR}-06` }),
    expect: {
      admin: ok((d: { monthly: number }) => expect(d.monthly).toBe(4000)),
      secretaryA: ok((d: { monthly: number }) => expect(d.monthly).toBe(4000)),
      committeeA: ok((d: { monthly: number }) => expect(d.monthly).toBe(4000)),
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: NOT_FOUND,
      unbound: UNAUTH,
    },
  },
  setRelief: {
    data: (t) => ({
      memberId: t.memberId,
      year: YEAR,
      kind: 'reduce',
      fromMonth: `${YEAR}-12`,
      toMonth: `${YEAR}-12`,
      monthly: 100,
      reason: '生活困难',
    }),
    expect: {
      admin: ok((d: { reliefId: string }) => expect(d.reliefId).toMatch(/^relief_/)),
      secretaryA: ok((d: { reliefId: string }) => expect(d.reliefId).toMatch(/^relief_/)),
      committeeA: FORBIDDEN,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: NOT_FOUND,
      unbound: UNAUTH,
    },
  },
  importBases: {
    data: async (t, caller) => {
      const file = await baseSheet([[t.name, '', '在职', '4000', '', `${YEAR}-03`]]);
      const fileId = caller === 'unbound' ? 'local://dues/x/import/a.xlsx' : uploadSheet(runtime, caller, file);
      return { year: YEAR, fileId, mode: 'commit' };
    },
    expect: {
      admin: importUnknown,
      secretaryA: importOk,
      committeeA: importOk,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: importUnknown,
      unbound: UNAUTH,
    },
  },
  template: {
    data: () => ({ year: YEAR }),
    expect: {
      admin: templateOf(false),
      secretaryA: templateOf(true),
      committeeA: templateOf(true),
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: templateOf(false),
      unbound: UNAUTH,
    },
  },
  member: {
    data: (t) => ({ memberId: t.memberId, year: YEAR }),
    expect: {
      admin: memberOk,
      secretaryA: memberOk,
      committeeA: memberOk,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: NOT_FOUND,
      unbound: UNAUTH,
    },
  },
  recordPayment: {
    data: (t) => ({
      memberId: t.memberId,
      months: [`${YEAR}-01`],
      amount: 4000,
      method: 'cash',
      paidAt: `${YEAR}-01-15`,
    }),
    expect: {
      admin: paymentOk,
      secretaryA: paymentOk,
      committeeA: paymentOk,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: NOT_FOUND,
      unbound: UNAUTH,
    },
  },
  mine: {
    data: () => ({ year: YEAR }),
    expect: {
      admin: mineOk('none'),
      secretaryA: mineOk('none'),
      committeeA: mineOk('none'),
      memberA: mineOk('none'),
      memberB: mineOk('none'),
      secretaryB: mineOk('none'),
      unbound: UNAUTH,
    },
  },
  remind: {
    data: () => undefined,
    expect: {
      admin: reminded(false),
      secretaryA: reminded(true),
      committeeA: reminded(true),
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: reminded(false),
      unbound: UNAUTH,
    },
  },
  publish: {
    data: () => ({ quarter: QUARTER, reason: '更正公示' }),
    expect: {
      admin: published(CALLER_RECORDS.admin.branchId),
      secretaryA: published(BRANCH_A),
      committeeA: published(BRANCH_A),
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: published(BRANCH_B),
      unbound: UNAUTH,
    },
  },
  board: {
    data: () => ({ quarter: QUARTER, branchId: BRANCH_A }),
    expect: {
      admin: boardOk,
      secretaryA: boardOk,
      committeeA: boardOk,
      memberA: boardOk,
      memberB: NOT_FOUND,
      secretaryB: NOT_FOUND,
      unbound: UNAUTH,
    },
  },
  overview: {
    data: () => ({ year: YEAR }),
    expect: {
      admin: overviewOf('all'),
      secretaryA: overviewOf([BRANCH_A]),
      committeeA: overviewOf([BRANCH_A]),
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: overviewOf([BRANCH_B]),
      unbound: UNAUTH,
    },
  },
  export: {
    data: () => ({ year: YEAR }),
    expect: {
      admin: ok((d: { fileName: string; fileId: string }) => expect(d.fileId).toMatch(/^local:\/\/dues\//)),
      secretaryA: FORBIDDEN,
      committeeA: FORBIDDEN,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
};

describe.each(Object.entries(rows))('dues %s', (action, row) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const t = await target();
    const data = await row.data(t, caller);
    coverage.record(caller, action);
    const result = await fx.call(caller, 'dues', action, data);
    await row.expect[caller](result, t);
  });
});

describe('a member’s own months', () => {
  it('are theirs: a member with a base sees its dues, and reads only their own', async () => {
    const t = await target();
    const mine = unwrap(await fx.call<{ months: DuesMonth[] }>(t.openid, 'dues', 'mine', { year: YEAR }));
    expect(mine.months.every((m) => m.due === 4000)).toBe(true);
    const own = unwrap(await fx.call<MemberDues>(t.openid, 'dues', 'member', { memberId: t.memberId, year: YEAR }));
    expect(own.name).toBe(t.name);
    expectRefused(
      await fx.call(t.openid, 'dues', 'member', { memberId: CALLER_RECORDS.memberA.memberId, year: YEAR }),
      'FORBIDDEN',
    );
  });

  it('reached every action with an entitled caller and an outsider', () => {
    expect(coverage.missing()).toEqual([]);
  });
});

describe('hostile input writes nothing', () => {
  const malformed: [string, string, unknown][] = [
    ['setBase', 'a float amount', { memberId: 'x', year: YEAR, base: 3000.5, category: 'in_service' }],
    ['setBase', 'a negative base', { memberId: 'x', year: YEAR, base: -1, category: 'in_service' }],
    ['setBase', 'an unknown category', { memberId: 'x', year: YEAR, base: 1, category: 'rich' }],
    [
      'setBase',
      'a month outside the year',
      { memberId: 'x', year: YEAR, base: 1, category: 'student', fromMonth: `${YEAR + 1}-01` },
    ],
    ['setBase', 'an id that climbs out', { memberId: '../members', year: YEAR, base: 1, category: 'student' }],
    ['setBase', 'an extra field', { memberId: 'x', year: YEAR, base: 1, category: 'student', monthly: 1 }],
    [
      'setRelief',
      'a reduction without amount',
      { memberId: 'x', year: YEAR, kind: 'reduce', fromMonth: `${YEAR}-01`, toMonth: `${YEAR}-02`, reason: '困难' },
    ],
    [
      'setRelief',
      'months backwards',
      { memberId: 'x', year: YEAR, kind: 'exempt', fromMonth: `${YEAR}-05`, toMonth: `${YEAR}-02`, reason: '困难' },
    ],
    ['recordPayment', 'no months', { memberId: 'x', months: [], amount: 1, method: 'cash', paidAt: `${YEAR}-01-01` }],
    [
      'recordPayment',
      'a month twice',
      { memberId: 'x', months: [`${YEAR}-01`, `${YEAR}-01`], amount: 1, method: 'cash', paidAt: `${YEAR}-01-01` },
    ],
    [
      'recordPayment',
      'month 13',
      { memberId: 'x', months: [`${YEAR}-13`], amount: 1, method: 'cash', paidAt: `${YEAR}-01-01` },
    ],
    [
      'recordPayment',
      'an unknown method',
      { memberId: 'x', months: [`${YEAR}-01`], amount: 1, method: 'bitcoin', paidAt: `${YEAR}-01-01` },
    ],
    [
      'recordPayment',
      'yuan as a float',
      { memberId: 'x', months: [`${YEAR}-01`], amount: 40.0001, method: 'cash', paidAt: `${YEAR}-01-01` },
    ],
    [
      'recordPayment',
      'a huge reason',
      {
        memberId: 'x',
        months: [`${YEAR}-01`],
        amount: 1,
        method: 'cash',
        paidAt: `${YEAR}-01-01`,
        reason: '长'.repeat(5000),
      },
    ],
    [
      'recordPayment',
      'a date that does not exist',
      { memberId: 'x', months: [`${YEAR}-01`], amount: 1, method: 'cash', paidAt: `${YEAR}-02-31x` },
    ],
    ['mine', 'a year as text', { year: String(YEAR) }],
    ['publish', 'a fifth quarter', { quarter: `${YEAR}-Q5` }],
    ['board', 'an object for a quarter', { quarter: { $gt: '' } }],
    ['importBases', 'an unknown mode', { year: YEAR, fileId: 'local://dues/b-qhyz/import/a.xlsx', mode: 'force' }],
    ['overview', 'no year', {}],
    ['configure', 'brackets without an open top', { inService: [{ upTo: 300_000, rateBp: 50 }] }],
    ['configure', 'a rate above 100 %', { retired: [{ upTo: null, rateBp: 20_000 }] }],
  ];
  it.each(malformed)('%s with %s: INVALID_ARGUMENT', async (action, _name, data) => {
    const caller = action === 'configure' ? 'admin' : 'secretaryA';
    const before = runtime.engine.totalChanges();
    expectRefused(await fx.call(caller, 'dues', action, data), 'INVALID_ARGUMENT');
    expect(runtime.engine.totalChanges()).toBe(before);
  });

  it('another branch’s member, file or board answers NOT_FOUND and changes nothing', async () => {
    const outsider = await aMember(BRANCH_B, { name: '外支部' });
    const before = runtime.engine.totalChanges();
    for (const [action, data] of [
      ['setBase', { memberId: outsider._id, year: YEAR, base: 400_000, category: 'in_service' }],
      [
        'setRelief',
        {
          memberId: outsider._id,
          year: YEAR,
          kind: 'exempt',
          fromMonth: `${YEAR}-01`,
          toMonth: `${YEAR}-01`,
          reason: '困难',
        },
      ],
      [
        'recordPayment',
        { memberId: outsider._id, months: [`${YEAR}-01`], amount: 4000, method: 'cash', paidAt: `${YEAR}-01-02` },
      ],
      ['member', { memberId: outsider._id, year: YEAR }],
      ['board', { quarter: QUARTER, branchId: BRANCH_B }],
    ] as const) {
      expectRefused(await fx.call('secretaryA', 'dues', action, data), 'NOT_FOUND');
    }
    // A sheet in another branch's folder, one that climbs out, and one that is not there.
    const file = await baseSheet([['外支部', '', '在职', '4000', '', '']]);
    for (const fileId of [
      uploadSheet(runtime, 'secretaryB', file),
      'local://dues/b-qhyz/import/../../b-sybx/import/x.xlsx',
      'local://dues/b-qhyz/import/missing.xlsx',
      'cloud://other-env.bucket/dues/b-qhyz/import/a.xlsx',
    ]) {
      const changes = runtime.engine.totalChanges();
      expectRefused(
        await fx.call('secretaryA', 'dues', 'importBases', { year: YEAR, fileId, mode: 'commit' }),
        'NOT_FOUND',
      );
      expect(runtime.engine.totalChanges()).toBe(changes);
    }
    expect(runtime.engine.totalChanges()).toBe(before);
    expect(await count(COLLECTIONS.duesBases, { _id: `${outsider._id}_${YEAR}` })).toBe(0);
  });
});
