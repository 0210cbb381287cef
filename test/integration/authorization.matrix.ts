import type { ErrorCode } from '@zhibu/types';
import { BRANCH_A, type CallerKey, type Fixture } from '../support/fixture';
import { DEMO } from '../support/runtime';
import { rosterFile } from '../support/xlsx';

/**
 * Who may call what: one row per action (and per target where the answer differs), one column per
 * caller. `ok` means the call succeeds; an error code means it is refused with that code and writes
 * nothing. Every later action joins this table.
 */
export type Expect = 'ok' | ErrorCode;
export interface MatrixRow {
  name: string;
  fn: string;
  action: string;
  /** Built afresh for each caller, so earlier calls cannot change what a later one meets. */
  data: (fx: Fixture) => Promise<unknown> | unknown;
  expect: Record<CallerKey, Expect>;
}

const U = 'UNAUTHENTICATED' as const;
const F = 'FORBIDDEN' as const;
const N = 'NOT_FOUND' as const;
const C = 'CONFLICT' as const;

const everyBound = {
  unbound: U,
  memberA: 'ok',
  memberB: 'ok',
  secretaryA: 'ok',
  secretaryB: 'ok',
  admin: 'ok',
} as const;
const adminOnly = { unbound: U, memberA: F, memberB: F, secretaryA: F, secretaryB: F, admin: 'ok' } as const;
/** Managing a member of branch A: A's committee and the bureau; B cannot even see them. */
const managesA = { unbound: U, memberA: F, memberB: N, secretaryA: 'ok', secretaryB: N, admin: 'ok' } as const;
const branchAManagers = { unbound: U, memberA: F, memberB: F, secretaryA: 'ok', secretaryB: F, admin: 'ok' } as const;

export const AUTHORIZATION_MATRIX: MatrixRow[] = [
  { name: 'who am I', fn: 'member', action: 'login', data: () => undefined, expect: everyBound },
  { name: 'my record', fn: 'member', action: 'me', data: () => undefined, expect: everyBound },
  {
    name: 'bind with a live invite',
    fn: 'member',
    action: 'bind',
    data: async (fx) => ({ code: (await fx.invite()).code }),
    expect: { unbound: 'ok', memberA: C, memberB: C, secretaryA: C, secretaryB: C, admin: C },
  },
  {
    name: 'add a member to my own branch',
    fn: 'member',
    action: 'create',
    data: () => ({ name: '新党员', status: '入党积极分子' }),
    expect: { unbound: U, memberA: F, memberB: F, secretaryA: 'ok', secretaryB: 'ok', admin: 'ok' },
  },
  {
    name: 'add a member to branch A',
    fn: 'member',
    action: 'create',
    data: () => ({ name: '新党员', status: '正式党员', branchId: BRANCH_A }),
    expect: branchAManagers,
  },
  {
    name: 'edit a member of A',
    fn: 'member',
    action: 'update',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id, patch: { position: '教研组长' } }),
    expect: managesA,
  },
  {
    name: 'transfer out a member of A',
    fn: 'member',
    action: 'deactivate',
    data: async (fx) => ({
      memberId: (await fx.boundMember())._id,
      reason: 'transfer_out',
      effectiveDate: '2026-11-01',
    }),
    expect: managesA,
  },
  {
    name: 'see a member of A',
    fn: 'member',
    action: 'get',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id }),
    expect: { unbound: U, memberA: 'ok', memberB: N, secretaryA: 'ok', secretaryB: N, admin: 'ok' },
  },
  {
    name: "list A's roster",
    fn: 'member',
    action: 'list',
    data: () => ({ branchId: BRANCH_A, page: 1, pageSize: 10 }),
    expect: { unbound: U, memberA: 'ok', memberB: F, secretaryA: 'ok', secretaryB: F, admin: 'ok' },
  },
  {
    name: 'filter A’s roster by status',
    fn: 'member',
    action: 'list',
    data: () => ({ branchId: BRANCH_A, page: 1, pageSize: 10, status: '预备党员' }),
    expect: { unbound: U, memberA: F, memberB: F, secretaryA: 'ok', secretaryB: F, admin: 'ok' },
  },
  {
    name: 'invite a member of A',
    fn: 'member',
    action: 'createInvite',
    data: async (fx) => ({ memberId: (await fx.unboundMember())._id }),
    expect: managesA,
  },
  {
    name: 'unbind a member of A',
    fn: 'member',
    action: 'unbind',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id }),
    expect: managesA,
  },
  {
    name: 'appoint a committee member',
    fn: 'member',
    action: 'setRoles',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id, roles: ['committee'] }),
    expect: adminOnly,
  },
  { name: 'see branches', fn: 'org', action: 'branches', data: () => ({ page: 1, pageSize: 10 }), expect: everyBound },
  {
    name: 'see branch A',
    fn: 'org',
    action: 'branch',
    data: () => ({ branchId: BRANCH_A }),
    expect: { unbound: U, memberA: 'ok', memberB: N, secretaryA: 'ok', secretaryB: N, admin: 'ok' },
  },
  {
    name: 'list who in A has not bound yet',
    fn: 'member',
    action: 'list',
    data: () => ({ branchId: BRANCH_A, page: 1, pageSize: 10, bound: false }),
    expect: { unbound: U, memberA: F, memberB: F, secretaryA: 'ok', secretaryB: F, admin: 'ok' },
  },
  {
    name: 'create a branch',
    fn: 'org',
    action: 'createBranch',
    data: () => ({ name: '新建学校党支部', kind: 'school', schools: ['新建学校'] }),
    expect: adminOnly,
  },
  {
    name: 'rename a branch',
    fn: 'org',
    action: 'renameBranch',
    data: async (fx) => ({ branchId: (await fx.branchWithMember()).branch._id, name: '更名后的党支部' }),
    expect: adminOnly,
  },
  {
    name: "set A's party groups",
    fn: 'org',
    action: 'setPartyGroups',
    data: () => ({
      branchId: BRANCH_A,
      partyGroups: [
        { id: 'g1', name: '高一年级党小组' },
        { id: 'g2', name: '高二年级党小组' },
        { id: 'g3', name: '高三年级党小组' },
        { id: 'g4', name: '行政后勤党小组' },
      ],
    }),
    expect: branchAManagers,
  },
  {
    name: 'merge branches',
    fn: 'org',
    action: 'mergeBranches',
    data: async (fx) => ({
      sourceBranchIds: [(await fx.branchWithMember()).branch._id],
      targetBranchId: (await fx.branchWithMember()).branch._id,
    }),
    expect: adminOnly,
  },
  {
    name: 'split a branch',
    fn: 'org',
    action: 'splitBranch',
    data: async (fx) => {
      const { branch, member } = await fx.branchWithMember();
      return {
        branchId: branch._id,
        memberIds: [member._id],
        newBranch: { name: '拆分出的党支部', kind: 'school', schools: ['分校'] },
      };
    },
    expect: adminOnly,
  },
  {
    name: 'read the audit log',
    fn: 'org',
    action: 'auditLog',
    data: () => ({ page: 1, pageSize: 5 }),
    expect: adminOnly,
  },
  {
    name: 'check a roster file for A',
    fn: 'roster',
    action: 'import',
    data: async () => ({
      branchId: BRANCH_A,
      mode: 'check',
      fileBase64: await rosterFile([['王小明', '男', '', '正式党员', '', '', '']]),
    }),
    expect: branchAManagers,
  },
  {
    name: "export A's roster",
    fn: 'roster',
    action: 'export',
    data: () => ({ branchId: BRANCH_A }),
    expect: branchAManagers,
  },
  {
    name: 'export my own roster',
    fn: 'roster',
    action: 'export',
    data: () => ({}),
    expect: { unbound: U, memberA: F, memberB: F, secretaryA: 'ok', secretaryB: 'ok', admin: 'ok' },
  },
  { name: 'download the import template', fn: 'roster', action: 'template', data: () => undefined, expect: everyBound },
  {
    name: 'create an activity in my branch',
    fn: 'activity',
    action: 'create',
    data: () => ({
      title: '支委会',
      type: 'committee',
      startAt: '2026-12-01T15:00:00+08:00',
      endAt: '2026-12-01T16:00:00+08:00',
      place: '会议室',
    }),
    expect: { unbound: U, memberA: F, memberB: F, secretaryA: 'ok', secretaryB: 'ok', admin: 'ok' },
  },
  {
    name: 'push an activity to every branch',
    fn: 'activity',
    action: 'push',
    data: () => ({
      title: '全县主题党日',
      type: 'theme_day',
      startAt: '2026-12-05T09:00:00+08:00',
      endAt: '2026-12-05T11:00:00+08:00',
      place: '各支部',
    }),
    expect: adminOnly,
  },
  {
    name: "edit A's activity",
    fn: 'activity',
    action: 'update',
    data: async (fx) => ({ activityId: await fx.activityInA('later'), patch: { place: '图书馆报告厅' } }),
    expect: managesA,
  },
  {
    name: "cancel A's activity",
    fn: 'activity',
    action: 'cancel',
    data: async (fx) => ({ activityId: await fx.activityInA('later') }),
    expect: managesA,
  },
  {
    name: 'list activities',
    fn: 'activity',
    action: 'list',
    data: () => ({ scope: 'upcoming', page: 1, pageSize: 10 }),
    expect: everyBound,
  },
  {
    name: "see A's activity",
    fn: 'activity',
    action: 'get',
    data: async (fx) => ({ activityId: await fx.activityInA('later') }),
    expect: { unbound: U, memberA: 'ok', memberB: N, secretaryA: 'ok', secretaryB: N, admin: 'ok' },
  },
  {
    name: "show A's check-in code",
    fn: 'activity',
    action: 'checkinCode',
    data: async (fx) => ({ activityId: await fx.activityInA('now') }),
    expect: managesA,
  },
  {
    name: "check in to A's activity",
    fn: 'activity',
    action: 'checkin',
    data: async (fx) => ({ token: await fx.checkinToken(await fx.activityInA('now')) }),
    // Anyone holding a token learns only that they are not expected.
    expect: { unbound: U, memberA: 'ok', memberB: F, secretaryA: 'ok', secretaryB: F, admin: F },
  },
  {
    name: "ask for leave from A's activity",
    fn: 'activity',
    action: 'requestLeave',
    data: async (fx) => ({ activityId: await fx.activityInA('later'), reason: '外出培训' }),
    expect: { unbound: U, memberA: 'ok', memberB: N, secretaryA: 'ok', secretaryB: N, admin: F },
  },
  {
    name: 'review a leave request in A',
    fn: 'activity',
    action: 'reviewLeave',
    data: async (fx) => {
      const activityId = await fx.activityInA('later');
      await fx.call('memberA', 'activity', 'requestLeave', { activityId, reason: '外出培训' });
      return { activityId, memberId: DEMO.memberA.memberId, approve: true };
    },
    expect: managesA,
  },
  {
    name: 'mark attendance by hand in A',
    fn: 'activity',
    action: 'markAttendance',
    data: async (fx) => ({
      activityId: await fx.activityInA('now'),
      memberId: DEMO.unboundA.memberId,
      state: 'present',
      reason: '没有智能手机',
    }),
    expect: managesA,
  },
  {
    name: "see A's attendance",
    fn: 'activity',
    action: 'attendance',
    data: async (fx) => ({ activityId: await fx.activityInA('now') }),
    expect: managesA,
  },
  {
    name: 'my attendance history',
    fn: 'activity',
    action: 'myAttendance',
    data: () => ({ page: 1, pageSize: 10 }),
    expect: everyBound,
  },
  {
    name: "save A's minutes",
    fn: 'activity',
    action: 'saveMinutes',
    data: async (fx) => ({
      activityId: await fx.activityInA('ended'),
      text: '会议学习了有关文件精神并进行了讨论。',
      photos: [],
    }),
    expect: managesA,
  },
  {
    name: "remind A's attendees",
    fn: 'activity',
    action: 'remind',
    data: async (fx) => ({ activityId: await fx.activityInA('later') }),
    expect: managesA,
  },
  {
    name: 'recount the statistics counters',
    fn: 'jobs',
    action: 'recount',
    data: () => ({ months: ['2026-11'] }),
    expect: adminOnly,
  },
];
