import fc from 'fast-check';
import {
  contracts,
  type ActivitySummary,
  type BranchSummary,
  type ErrorCode,
  type LoginResult,
  type MemberListItem,
  type MyRecord,
  type Result,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { DEMO_BRANCHES } from '../../../emulator/seed/demo-data';
import { aBranch } from '../../support/factories';
import { BRANCH_A, BRANCH_B, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { snapshotDatabase, writesOf } from '../../support/snapshot';
import { rosterFile } from '../../support/xlsx';
import { buildWorld, expectOk, genuineToken, MISSING, PEOPLE, type World } from './world';
import { OWN_AUTHORIZATION_SUITES } from '../../support/coverage';

/** Functions with an authorization suite of their own (see test/support/coverage.ts). */
const isOwnSuite = (fn: string) => (OWN_AUTHORIZATION_SUITES as readonly string[]).includes(fn);

/**
 * Well-formed calls aimed at another branch's records. Each is refused the way a missing record
 * is refused (so ids cannot be probed) and writes nothing; a call that answers with data answers
 * with nothing of the other branch.
 */
let runtime: LocalRuntime;
let fx: Fixture;
let world: World;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  world = await buildWorld(fx);
  await aBranch({ name: '另一所学校党支部', partyGroups: [{ id: OTHER_GROUP, name: '另一所学校党小组' }] });
}, 30_000);
afterAll(() => runtime.close());

interface Aimed {
  name: string;
  fn: string;
  action: string;
  caller: string;
  data: (w: World) => unknown;
  /** Refused with one of these codes, writing nothing. */
  refuse?: ErrorCode[];
  /** The same call aimed at a record that does not exist: it must get the very same answer. */
  missing?: (w: World) => unknown;
  /** For calls that succeed: what the answer must (not) hold. */
  check?: (data: never, w: World) => void;
}

/** A party group that only a branch other than A has (A and B both number theirs g1, g2, …). */
const OTHER_GROUP = 'g-only-elsewhere';
const N: ErrorCode[] = ['NOT_FOUND'];
const F: ErrorCode[] = ['FORBIDDEN'];
const NF: ErrorCode[] = ['NOT_FOUND', 'FORBIDDEN'];
const seededIdsOf = (branchId: string) =>
  DEMO_BRANCHES.find((b) => b._id === branchId)!.people.map((_, i) => `${branchId}-${String(i + 1).padStart(2, '0')}`);
const membersOfA = seededIdsOf(BRANCH_A);
const activityPage = { page: 1, pageSize: 50 };
const minutes = { text: '会议学习了上级文件精神，并对下一步工作做了部署。', photos: [] };

/** One exemption of a member of A, approved by A's secretary once (later calls reuse it, writing nothing). */
let exemptionOfAOnce: Promise<string> | null = null;
function exemptionOfA(): Promise<string> {
  exemptionOfAOnce ??= fx
    .call<{ exemptionId: string }>('secretaryA', 'member', 'addExemption', {
      memberId: DEMO.memberA.memberId,
      reason: 'sick_leave',
      from: '2030-01-01',
      to: '2030-03-31',
    })
    .then((result) => {
      if (!result.ok) throw new Error(result.message);
      return result.data.exemptionId;
    });
  return exemptionOfAOnce;
}

const ROWS: Aimed[] = [
  {
    name: 'login names the caller, whatever the data says',
    fn: 'member',
    action: 'login',
    caller: 'memberB',
    data: () => undefined,
    check: (me: LoginResult) => expect(me).toMatchObject({ memberId: DEMO.memberB.memberId, branchId: BRANCH_B }),
  },
  {
    name: 'login refuses a member id in the data',
    fn: 'member',
    action: 'login',
    caller: 'memberB',
    data: () => ({ memberId: DEMO.secretaryA.memberId }),
    refuse: ['INVALID_ARGUMENT'],
  },
  {
    name: 'my record is mine, whoever I name',
    fn: 'member',
    action: 'me',
    caller: 'memberB',
    data: () => ({ memberId: DEMO.memberA.memberId }),
    refuse: ['INVALID_ARGUMENT'],
  },
  {
    name: 'my record holds only me',
    fn: 'member',
    action: 'me',
    caller: 'memberB',
    data: () => undefined,
    check: (me: MyRecord) => expect(me).toMatchObject({ memberId: DEMO.memberB.memberId, branchId: BRANCH_B }),
  },
  {
    name: "a bound member cannot take B's invite",
    fn: 'member',
    action: 'bind',
    caller: 'memberA',
    data: (w) => ({ code: w.inviteB }),
    refuse: ['CONFLICT'],
  },
  {
    name: "A's secretary adds a member to B",
    fn: 'member',
    action: 'create',
    caller: 'secretaryA',
    data: () => ({ name: '外支部党员', status: '正式党员', branchId: BRANCH_B }),
    refuse: NF,
    missing: () => ({ name: '外支部党员', status: '正式党员', branchId: MISSING }),
  },
  {
    name: "A's secretary adds a member to a party group of another branch",
    fn: 'member',
    action: 'create',
    caller: 'secretaryA',
    data: () => ({ name: '外支部党员', status: '正式党员', partyGroupId: OTHER_GROUP }),
    refuse: ['INVALID_ARGUMENT'],
    missing: () => ({ name: '外支部党员', status: '正式党员', partyGroupId: MISSING }),
  },
  {
    name: "A's secretary moves a member of A into a party group of another branch",
    fn: 'member',
    action: 'update',
    caller: 'secretaryA',
    data: () => ({ memberId: DEMO.memberA.memberId, patch: { partyGroupId: OTHER_GROUP } }),
    refuse: ['INVALID_ARGUMENT'],
    missing: () => ({ memberId: DEMO.memberA.memberId, patch: { partyGroupId: MISSING } }),
  },
  {
    name: "A's secretary lists a party group of another branch",
    fn: 'member',
    action: 'list',
    caller: 'secretaryA',
    data: () => ({ partyGroupId: OTHER_GROUP, page: 1, pageSize: 50 }),
    check: (page: { items: MemberListItem[]; total: number }) => expect(page).toEqual({ items: [], total: 0 }),
  },
  {
    name: "A's secretary edits a member of B",
    fn: 'member',
    action: 'update',
    caller: 'secretaryA',
    data: () => ({ memberId: DEMO.memberB.memberId, patch: { position: '副校长' } }),
    refuse: N,
    missing: () => ({ memberId: MISSING, patch: { position: '副校长' } }),
  },
  {
    name: "A's secretary transfers out a member of B",
    fn: 'member',
    action: 'deactivate',
    caller: 'secretaryA',
    data: () => ({ memberId: DEMO.memberB.memberId, reason: 'transfer_out', effectiveDate: '2026-01-01' }),
    refuse: N,
    missing: () => ({ memberId: MISSING, reason: 'transfer_out', effectiveDate: '2026-01-01' }),
  },
  {
    name: "a member of A looks up B's secretary",
    fn: 'member',
    action: 'get',
    caller: 'memberA',
    data: () => ({ memberId: DEMO.secretaryB.memberId }),
    refuse: N,
    missing: () => ({ memberId: MISSING }),
  },
  {
    name: "A's secretary looks up a member of B",
    fn: 'member',
    action: 'get',
    caller: 'secretaryA',
    data: () => ({ memberId: DEMO.memberB.memberId }),
    refuse: N,
    missing: () => ({ memberId: MISSING }),
  },
  {
    name: "A's secretary lists B's roster",
    fn: 'member',
    action: 'list',
    caller: 'secretaryA',
    data: () => ({ branchId: BRANCH_B, page: 1, pageSize: 50 }),
    refuse: NF,
    missing: () => ({ branchId: MISSING, page: 1, pageSize: 50 }),
  },
  {
    name: "a member's own roster holds only their branch",
    fn: 'member',
    action: 'list',
    caller: 'memberB',
    data: () => ({ page: 1, pageSize: 50, keyword: '' }),
    check: (page: { items: MemberListItem[] }) => {
      expect(page.items.length).toBeGreaterThan(0);
      for (const item of page.items) expect(item.branchId).toBe(BRANCH_B);
    },
  },
  {
    name: "A's secretary invites B's unbound member",
    fn: 'member',
    action: 'createInvite',
    caller: 'secretaryA',
    data: () => ({ memberId: PEOPLE.unboundB.memberId }),
    refuse: N,
    missing: () => ({ memberId: MISSING }),
  },
  {
    name: "A's secretary unbinds B's secretary",
    fn: 'member',
    action: 'unbind',
    caller: 'secretaryA',
    data: () => ({ memberId: DEMO.secretaryB.memberId }),
    refuse: N,
    missing: () => ({ memberId: MISSING }),
  },
  {
    name: "B's secretary appoints a member of A",
    fn: 'member',
    action: 'setRoles',
    caller: 'secretaryB',
    data: () => ({ memberId: DEMO.memberA.memberId, roles: ['committee'] }),
    refuse: F,
  },
  {
    name: "B's secretary reads the exemptions of a member of A",
    fn: 'member',
    action: 'exemptions',
    caller: 'secretaryB',
    data: () => ({ memberId: DEMO.memberA.memberId }),
    refuse: N,
    missing: () => ({ memberId: MISSING }),
  },
  {
    name: "B's secretary excuses a member of A from organisational life",
    fn: 'member',
    action: 'addExemption',
    caller: 'secretaryB',
    data: () => ({ memberId: DEMO.memberA.memberId, reason: 'frail', from: '2030-01-01', to: '2030-06-30' }),
    refuse: N,
    missing: () => ({ memberId: MISSING, reason: 'frail', from: '2030-01-01', to: '2030-06-30' }),
  },
  {
    name: "B's secretary ends an exemption of A",
    fn: 'member',
    action: 'endExemption',
    caller: 'secretaryB',
    data: async () => ({ exemptionId: await exemptionOfA() }),
    refuse: N,
    missing: () => ({ exemptionId: MISSING }),
  },
  {
    name: 'a member of B sees only their own branch in the branch list',
    fn: 'org',
    action: 'branches',
    caller: 'memberB',
    data: () => ({ page: 1, pageSize: 50, includeInactive: true }),
    check: (page: { items: BranchSummary[]; total: number }) => {
      expect(page.items.map((b) => b.branchId)).toEqual([BRANCH_B]);
      expect(page.total).toBe(1);
    },
  },
  {
    name: 'a member of B opens branch A',
    fn: 'org',
    action: 'branch',
    caller: 'memberB',
    data: () => ({ branchId: BRANCH_A }),
    refuse: N,
    missing: () => ({ branchId: MISSING }),
  },
  {
    name: "A's secretary creates a branch",
    fn: 'org',
    action: 'createBranch',
    caller: 'secretaryA',
    data: () => ({ name: '清河县第一中学分校党支部', kind: 'school', schools: ['清河县第一中学分校'] }),
    refuse: F,
  },
  {
    name: "A's secretary renames B",
    fn: 'org',
    action: 'renameBranch',
    caller: 'secretaryA',
    data: () => ({ branchId: BRANCH_B, name: '被改名的党支部' }),
    refuse: NF,
    missing: () => ({ branchId: MISSING, name: '被改名的党支部' }),
  },
  {
    name: "A's secretary clears B's party groups",
    fn: 'org',
    action: 'setPartyGroups',
    caller: 'secretaryA',
    data: () => ({ branchId: BRANCH_B, partyGroups: [] }),
    refuse: NF,
    missing: () => ({ branchId: MISSING, partyGroups: [] }),
  },
  {
    name: "A's secretary merges B into A",
    fn: 'org',
    action: 'mergeBranches',
    caller: 'secretaryA',
    data: () => ({ sourceBranchIds: [BRANCH_B], targetBranchId: BRANCH_A }),
    refuse: NF,
    missing: () => ({ sourceBranchIds: [MISSING], targetBranchId: BRANCH_A }),
  },
  {
    name: "A's secretary splits B's members off into a new branch",
    fn: 'org',
    action: 'splitBranch',
    caller: 'secretaryA',
    data: () => ({
      branchId: BRANCH_B,
      memberIds: [DEMO.memberB.memberId],
      newBranch: { name: '分出的党支部', kind: 'school', schools: ['分出的学校'] },
    }),
    refuse: NF,
    missing: () => ({
      branchId: MISSING,
      memberIds: [DEMO.memberB.memberId],
      newBranch: { name: '分出的党支部', kind: 'school', schools: ['分出的学校'] },
    }),
  },
  {
    name: "A's secretary reads B's audit log",
    fn: 'org',
    action: 'auditLog',
    caller: 'secretaryA',
    data: () => ({ branchId: BRANCH_B, page: 1, pageSize: 50 }),
    refuse: NF,
    missing: () => ({ branchId: MISSING, page: 1, pageSize: 50 }),
  },
  {
    name: "A's secretary imports a roster into B",
    fn: 'roster',
    action: 'import',
    caller: 'secretaryA',
    data: async () => ({
      branchId: BRANCH_B,
      mode: 'commit',
      fileBase64: await rosterFile([['王小明', '男', '', '正式党员', '', '', '']]),
    }),
    refuse: NF,
    missing: async () => ({
      branchId: MISSING,
      mode: 'commit',
      fileBase64: await rosterFile([['王小明', '男', '', '正式党员', '', '', '']]),
    }),
  },
  {
    name: "A's secretary exports B's roster with phones",
    fn: 'roster',
    action: 'export',
    caller: 'secretaryA',
    data: () => ({ branchId: BRANCH_B, includePhone: true }),
    refuse: NF,
    missing: () => ({ branchId: MISSING, includePhone: true }),
  },
  {
    name: 'the import template carries nobody',
    fn: 'roster',
    action: 'template',
    caller: 'memberB',
    data: () => ({}),
    check: (file: { rows: number }) => expect(file.rows).toBe(1),
  },
  {
    name: "A's secretary sets up a meeting for B's members",
    fn: 'activity',
    action: 'create',
    caller: 'secretaryA',
    data: () => ({
      title: '跨支部活动',
      type: 'group',
      startAt: '2030-03-01T09:00:00+08:00',
      endAt: '2030-03-01T10:00:00+08:00',
      place: '会议室',
      audience: { kind: 'members', memberIds: [DEMO.memberB.memberId, DEMO.secretaryB.memberId] },
    }),
    refuse: ['INVALID_ARGUMENT'],
    missing: () => ({
      title: '跨支部活动',
      type: 'group',
      startAt: '2030-03-01T09:00:00+08:00',
      endAt: '2030-03-01T10:00:00+08:00',
      place: '会议室',
      audience: { kind: 'members', memberIds: [MISSING, `${MISSING}-2`] },
    }),
  },
  {
    name: "A's secretary sets up a meeting for a party group of another branch",
    fn: 'activity',
    action: 'create',
    caller: 'secretaryA',
    data: () => ({
      title: '党小组会',
      type: 'group',
      startAt: '2030-03-01T09:00:00+08:00',
      endAt: '2030-03-01T10:00:00+08:00',
      place: '会议室',
      audience: { kind: 'group', partyGroupId: OTHER_GROUP },
    }),
    refuse: ['INVALID_ARGUMENT'],
  },
  {
    name: "A's secretary pushes a meeting to B",
    fn: 'activity',
    action: 'push',
    caller: 'secretaryA',
    data: () => ({
      title: '全县主题党日',
      type: 'theme_day',
      startAt: '2030-03-05T09:00:00+08:00',
      endAt: '2030-03-05T11:00:00+08:00',
      place: '各支部',
      branchIds: [BRANCH_B],
    }),
    refuse: F,
  },
  {
    name: "A's secretary edits B's meeting",
    fn: 'activity',
    action: 'update',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.b.later, patch: { place: '别处' } }),
    refuse: N,
    missing: () => ({ activityId: MISSING, patch: { place: '别处' } }),
  },
  {
    name: "A's secretary moves their own meeting to B's members",
    fn: 'activity',
    action: 'update',
    caller: 'secretaryA',
    data: (w) => ({
      activityId: w.a.later,
      patch: { audience: { kind: 'members', memberIds: [DEMO.memberB.memberId] } },
    }),
    refuse: ['INVALID_ARGUMENT'],
  },
  {
    name: "A's secretary cancels B's meeting",
    fn: 'activity',
    action: 'cancel',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.b.later, reason: '取消' }),
    refuse: N,
    missing: () => ({ activityId: MISSING, reason: '取消' }),
  },
  ...(['upcoming', 'past'] as const).flatMap((scope) =>
    (['memberB', 'secretaryB'] as const).map((caller): Aimed => ({
      name: `${caller} lists ${scope} activities: none of A's`,
      fn: 'activity',
      action: 'list',
      caller,
      data: () => ({ scope, ...activityPage }),
      check: (page: { items: ActivitySummary[] }, w) => {
        expect(page.items.length).toBeGreaterThan(0);
        for (const item of page.items) {
          expect(item.branchId).toBe(BRANCH_B);
          expect(w.allA).not.toContain(item.activityId);
        }
      },
    })),
  ),
  {
    name: "a member of A opens B's meeting",
    fn: 'activity',
    action: 'get',
    caller: 'memberA',
    data: (w) => ({ activityId: w.b.now }),
    refuse: N,
    missing: () => ({ activityId: MISSING }),
  },
  {
    name: "A's secretary opens B's ended meeting with its minutes",
    fn: 'activity',
    action: 'get',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.b.ended }),
    refuse: N,
    missing: () => ({ activityId: MISSING }),
  },
  {
    name: "A's secretary shows B's check-in code",
    fn: 'activity',
    action: 'checkinCode',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.b.now }),
    refuse: N,
    missing: () => ({ activityId: MISSING }),
  },
  {
    name: "a member of A scans B's genuine check-in code",
    fn: 'activity',
    action: 'checkin',
    caller: 'memberA',
    data: (w) => ({ token: genuineToken(w.b.now) }),
    refuse: NF,
  },
  {
    name: "a member of A asks for leave from B's meeting",
    fn: 'activity',
    action: 'requestLeave',
    caller: 'memberA',
    data: (w) => ({ activityId: w.b.later, reason: '外出培训学习' }),
    refuse: N,
    missing: () => ({ activityId: MISSING, reason: '外出培训学习' }),
  },
  {
    name: "A's secretary approves the leave of a member of B",
    fn: 'activity',
    action: 'reviewLeave',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.b.later, memberId: DEMO.memberB.memberId, approve: true }),
    refuse: N,
    missing: () => ({ activityId: MISSING, memberId: DEMO.memberB.memberId, approve: true }),
  },
  {
    name: "A's secretary approves, on A's meeting, the leave of a member of B",
    fn: 'activity',
    action: 'reviewLeave',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.a.later, memberId: DEMO.memberB.memberId, approve: true }),
    refuse: ['NOT_FOUND', 'FAILED_PRECONDITION'],
    missing: (w) => ({ activityId: w.a.later, memberId: MISSING, approve: true }),
  },
  {
    name: "A's secretary marks a member of B present at B's meeting",
    fn: 'activity',
    action: 'markAttendance',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.b.now, memberId: DEMO.memberB.memberId, state: 'present', reason: '代为签到' }),
    refuse: N,
    missing: () => ({ activityId: MISSING, memberId: DEMO.memberB.memberId, state: 'present', reason: '代为签到' }),
  },
  {
    name: "A's secretary marks a member of B present at A's meeting",
    fn: 'activity',
    action: 'markAttendance',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.a.now, memberId: DEMO.memberB.memberId, state: 'present', reason: '代为签到' }),
    refuse: ['NOT_FOUND', 'FAILED_PRECONDITION'],
    missing: (w) => ({ activityId: w.a.now, memberId: MISSING, state: 'present', reason: '代为签到' }),
  },
  {
    name: "A's secretary reads B's attendance",
    fn: 'activity',
    action: 'attendance',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.b.ended }),
    refuse: N,
    missing: () => ({ activityId: MISSING }),
  },
  {
    name: "a member of B's attendance history holds none of A's meetings",
    fn: 'activity',
    action: 'myAttendance',
    caller: 'memberB',
    data: () => activityPage,
    check: (page: { items: { activityId: string }[] }, w) => {
      expect(page.items.length).toBeGreaterThan(0);
      for (const item of page.items) expect(w.allB).toContain(item.activityId);
    },
  },
  {
    name: "B's secretary's home holds none of A's meetings, in any card",
    fn: 'activity',
    action: 'home',
    caller: 'secretaryB',
    data: () => ({}),
    check: (
      home: {
        mine: { activityId: string }[];
        manage: Record<'pendingActivities' | 'today' | 'withoutMinutes', { activityId: string }[]> | null;
      },
      w,
    ) => {
      const shown = [
        ...home.mine,
        ...(home.manage ? [...home.manage.pendingActivities, ...home.manage.today, ...home.manage.withoutMinutes] : []),
      ];
      for (const item of shown) expect(w.allA).not.toContain(item.activityId);
    },
  },
  {
    name: "A's secretary overwrites B's minutes",
    fn: 'activity',
    action: 'saveMinutes',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.b.ended, ...minutes }),
    refuse: N,
    missing: () => ({ activityId: MISSING, ...minutes }),
  },
  {
    name: "A's secretary reminds B's members",
    fn: 'activity',
    action: 'remind',
    caller: 'secretaryA',
    data: (w) => ({ activityId: w.b.later }),
    refuse: N,
    missing: () => ({ activityId: MISSING }),
  },
  {
    name: "A's secretary recounts the bureau's counters",
    fn: 'jobs',
    action: 'recount',
    caller: 'secretaryA',
    data: () => ({ months: ['2026-11'] }),
    refuse: F,
  },
];

const expectRefusal = (result: Result<unknown>, codes: ErrorCode[]) => {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(codes).toContain(result.code);
  expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
};

describe('well-formed calls aimed at another branch', () => {
  it('cover every action of every function', () => {
    const covered = new Set(ROWS.map((r) => `${r.fn}.${r.action}`));
    const all = Object.entries(contracts)
      .filter(([fn]) => !isOwnSuite(fn))
      .flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`));
    expect(all.filter((a) => !covered.has(a))).toEqual([]);
  });

  it.each(ROWS.map((row) => [`${row.fn}.${row.action}: ${row.name}`, row] as const))('%s', async (_label, row) => {
    const data = await row.data(world);
    const { result, writes } = await writesOf(runtime, () => fx.call(row.caller, row.fn, row.action, data));
    if (row.refuse) {
      expectRefusal(result, row.refuse);
      expect(writes).toBe(0);
      if (row.missing) {
        const missing = await fx.call(row.caller, row.fn, row.action, await row.missing(world));
        expect(missing).toEqual(result);
      }
    } else {
      if (!result.ok) throw new Error(`${row.name}: ${result.code} ${result.message}`);
      row.check?.(result.data as never, world);
    }
  });

  it('left every record of both branches as it was', async () => {
    const before = await snapshotDatabase(['rateLimits']);
    for (const row of ROWS.filter((r) => r.refuse))
      await fx.call(row.caller, row.fn, row.action, await row.data(world));
    expect(await snapshotDatabase(['rateLimits'])).toEqual(before);
  });
});

/** Every action that names an activity, with the rest of its data well-formed. */
const ACTIVITY_ACTIONS: [string, (activityId: string) => unknown][] = [
  ['get', (activityId) => ({ activityId })],
  ['update', (activityId) => ({ activityId, patch: { place: '改到别处' } })],
  ['cancel', (activityId) => ({ activityId, reason: '临时取消' })],
  ['checkinCode', (activityId) => ({ activityId })],
  ['requestLeave', (activityId) => ({ activityId, reason: '家中有事' })],
  ['reviewLeave', (activityId) => ({ activityId, memberId: PEOPLE.memberA2.memberId, approve: true })],
  [
    'markAttendance',
    (activityId) => ({ activityId, memberId: PEOPLE.memberA2.memberId, state: 'absent', reason: '未到会' }),
  ],
  ['attendance', (activityId) => ({ activityId })],
  ['saveMinutes', (activityId) => ({ activityId, ...minutes })],
  ['remind', (activityId) => ({ activityId })],
];

/** Every action that names a member, likewise. */
const MEMBER_ACTIONS: [string, (memberId: string) => unknown][] = [
  ['get', (memberId) => ({ memberId })],
  ['update', (memberId) => ({ memberId, patch: { position: '教师' } })],
  ['deactivate', (memberId) => ({ memberId, reason: 'other', effectiveDate: '2026-06-30' })],
  ['createInvite', (memberId) => ({ memberId })],
  ['unbind', (memberId) => ({ memberId })],
  ['setRoles', (memberId) => ({ memberId, roles: ['secretary'] })],
];

const callersOfB = [DEMO.memberB.openid, DEMO.secretaryB.openid, PEOPLE.committeeB.openid];

describe('any caller of branch B, aimed at any record of branch A (property)', () => {
  it('is told an activity of A, in any state, does not exist, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...callersOfB),
        fc.constantFrom(...world.allA),
        fc.constantFrom(...ACTIVITY_ACTIONS),
        async (caller, activityId, [action, input]) => {
          const { result, writes } = await writesOf(runtime, () =>
            fx.call(caller, 'activity', action, input(activityId)),
          );
          expect(writes).toBe(0);
          expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
          expect(await fx.call(caller, 'activity', action, input(MISSING))).toEqual(result);
        },
      ),
      { numRuns: 60 },
    );
  }, 20_000);

  it('cannot see or manage a seeded member of A, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...callersOfB),
        fc.constantFrom(...membersOfA),
        fc.constantFrom(...MEMBER_ACTIONS),
        async (caller, memberId, [action, input]) => {
          const { result, writes } = await writesOf(runtime, () => fx.call(caller, 'member', action, input(memberId)));
          expect(writes).toBe(0);
          expect(result.ok).toBe(false);
          if (action === 'setRoles') {
            expect(result).toMatchObject({ code: 'FORBIDDEN' });
          } else {
            expect(result).toMatchObject({ code: 'NOT_FOUND' });
            expect(await fx.call(caller, 'member', action, input(MISSING))).toEqual(result);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 20_000);

  it("finds none of A's people or meetings by listing or searching", async () => {
    const namesOfA = DEMO_BRANCHES.find((b) => b._id === BRANCH_A)!.people.map((line) => line.split('|')[0]!);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...callersOfB),
        fc.constantFrom(...namesOfA.map((n) => n.slice(0, 1)), ...namesOfA),
        async (caller, keyword) => {
          const result = await fx.call<{ items: MemberListItem[] }>(caller, 'member', 'list', {
            keyword,
            page: 1,
            pageSize: 50,
          });
          const items = expectOk(result).items;
          for (const item of items) expect(item.branchId).toBe(BRANCH_B);
          expect(items.map((i) => i.memberId).filter((id) => membersOfA.includes(id))).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  }, 20_000);
});

describe('a bureau admin naming records that do not fit together', () => {
  it.each([
    [
      'splits A, naming a member of B among its own',
      'org',
      'splitBranch',
      () => ({
        branchId: BRANCH_A,
        memberIds: [DEMO.memberA.memberId, DEMO.memberB.memberId],
        newBranch: { name: '分出的党支部', kind: 'school', schools: ['分出的学校'] },
      }),
    ],
    [
      'merges B and a branch that does not exist into A',
      'org',
      'mergeBranches',
      () => ({ sourceBranchIds: [BRANCH_B, MISSING], targetBranchId: BRANCH_A }),
    ],
    [
      'merges B into a branch that does not exist',
      'org',
      'mergeBranches',
      () => ({ sourceBranchIds: [BRANCH_B], targetBranchId: MISSING }),
    ],
    [
      'pushes a meeting to A and a branch that does not exist',
      'activity',
      'push',
      () => ({
        title: '全县主题党日',
        type: 'theme_day',
        startAt: '2030-03-05T09:00:00+08:00',
        endAt: '2030-03-05T11:00:00+08:00',
        place: '各支部',
        branchIds: [BRANCH_A, MISSING],
      }),
    ],
    [
      'imports a roster into a branch that does not exist',
      'roster',
      'import',
      async () => ({
        branchId: MISSING,
        mode: 'commit',
        fileBase64: await rosterFile([['王小明', '男', '', '正式党员', '', '', '']]),
      }),
    ],
  ] as const)('%s: refused, nothing written', async (_name, fn, action, data) => {
    const input = await data();
    const { result, writes } = await writesOf(runtime, () => fx.call('admin', fn, action, input));
    expectRefusal(result, ['NOT_FOUND', 'FAILED_PRECONDITION']);
    expect(writes).toBe(0);
  });
});
