import {
  COLLECTIONS,
  ROSTER_COLUMNS,
  type ActivityDoc,
  type ErrorCode,
  type InviteDoc,
  type MemberDoc,
} from '@zhibu/types';
import { getDoc } from '../../cloudfunctions/core/runtime/documents';
import { BRANCH_A, CALLER_RECORDS, countOf, type CallerKey, type Fixture } from '../support/fixture';
import { DEMO } from '../support/runtime';
import { readSheet, rosterFile } from '../support/xlsx';

/**
 * Who may call what: one row per action (and per target where the answer differs), one column per
 * caller. `ok` means the call succeeds and `check` then looks at what came back — that it is the
 * record asked for, and that nothing of another branch (or of a committee the caller is not on)
 * is in it. An error code means the call is refused with that code and writes nothing. Every
 * action of every function's contract has at least one row (a test fails otherwise).
 */
export type Expect = 'ok' | ErrorCode;

/** What an action answered: its shape is the contract's, which the function already checked. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row reads the fields its action answers
type Answer = any;
type Bound = Exclude<CallerKey, 'unbound'>;

export interface CheckContext {
  caller: Bound;
  /** The data the call was made with. */
  input: Answer;
  fx: Fixture;
}

export interface MatrixRow {
  name: string;
  fn: string;
  action: string;
  /** Built afresh for each caller, so earlier calls cannot change what a later one meets. */
  data: (fx: Fixture) => Promise<unknown> | unknown;
  expect: Record<CallerKey, Expect>;
  /** Run on every successful call: the data that came back is what this caller may have. */
  check: (data: Answer, ctx: CheckContext) => Promise<void> | void;
}

const U = 'UNAUTHENTICATED' as const;
const F = 'FORBIDDEN' as const;
const N = 'NOT_FOUND' as const;
const C = 'CONFLICT' as const;

const everyBound = {
  unbound: U,
  memberA: 'ok',
  memberB: 'ok',
  committeeA: 'ok',
  secretaryA: 'ok',
  secretaryB: 'ok',
  admin: 'ok',
} as const;
const adminOnly = {
  unbound: U,
  memberA: F,
  memberB: F,
  committeeA: F,
  secretaryA: F,
  secretaryB: F,
  admin: 'ok',
} as const;
/** Managing a member of branch A: A's committee and the bureau; B cannot even see them. */
const managesA = {
  unbound: U,
  memberA: F,
  memberB: N,
  committeeA: 'ok',
  secretaryA: 'ok',
  secretaryB: N,
  admin: 'ok',
} as const;
/** Managing someone of A who outranks A's committee (a bureau admin on A's roll): the bureau alone. */
const outranksA = { ...managesA, committeeA: F, secretaryA: F } as const;
/** Managing A's secretary: not their committee members, who rank below. */
const secretaryOfA = { ...managesA, committeeA: F } as const;
const branchAManagers = {
  unbound: U,
  memberA: F,
  memberB: F,
  committeeA: 'ok',
  secretaryA: 'ok',
  secretaryB: F,
  admin: 'ok',
} as const;
/** Something committee-only of A: its committee and the bureau; to anyone else it does not exist. */
const committeeOfA = { ...managesA, memberA: N } as const;

const branchOf = (caller: Bound) => CALLER_RECORDS[caller].branchId;
const memberIdOf = (caller: Bound) => CALLER_RECORDS[caller].memberId;
const isCommitteeA = (caller: Bound) => caller === 'secretaryA' || caller === 'committeeA';
/** The callers on a branch's committee (the demo seed's secretaries, and A's committee member). */
const onCommitteeOf = (caller: Bound, branchId: string) =>
  (isCommitteeA(caller) && branchId === BRANCH_A) || (caller === 'secretaryB' && branchId === DEMO.secretaryB.branchId);

const member = (id: string) => getDoc<MemberDoc>(COLLECTIONS.members, id);
const activity = (id: string) => getDoc<ActivityDoc>(COLLECTIONS.activities, id);
const committeeOnly = (a: Pick<ActivityDoc, 'type' | 'audience'>) =>
  a.type === 'committee' || a.audience.kind === 'committee';

/** The answer is the member record the call named. */
const isTarget = (data: Answer, { input }: CheckContext) => expect(data.memberId).toBe(input.memberId);

/** Every person in an attendance answer is someone expected at that activity of A. */
async function attendanceOfA(data: Answer, { input }: CheckContext) {
  expect(data.activityId).toBe(input.activityId);
  const doc = (await activity(input.activityId))!;
  expect(doc.branchId).toBe(BRANCH_A);
  const people = [...data.presentList, ...data.leaveList, ...data.pendingLeaves, ...data.absentList];
  expect(people.length).toBe(doc.expectedIds.length);
  for (const p of people) expect(doc.expectedIds).toContain(p.memberId);
}

/** An activity answer of A: the one asked for, with its minutes only where the caller may see them. */
function detailOfA(data: Answer, { input }: CheckContext) {
  expect(data).toMatchObject({ activityId: input.activityId, branchId: BRANCH_A });
}

/** Every activity a list or history shows is one the caller may see. */
async function onlyVisibleActivities(ids: string[], caller: Bound) {
  for (const id of ids) {
    const doc = (await activity(id))!;
    const expected = doc.expectedIds.includes(memberIdOf(caller));
    expect(doc.branchId === branchOf(caller) || expected || caller === 'admin').toBe(true);
    if (committeeOnly(doc) && caller !== 'admin') expect(onCommitteeOf(caller, doc.branchId)).toBe(true);
  }
}

/** Ids created by a row's data for its check (rows run one caller at a time). */
const made: { meeting?: string; lecture?: string; pastMeeting?: string } = {};

export const AUTHORIZATION_MATRIX: MatrixRow[] = [
  {
    name: 'who am I',
    fn: 'member',
    action: 'login',
    data: () => undefined,
    expect: everyBound,
    check: (data, { caller }) =>
      expect(data).toMatchObject({ memberId: memberIdOf(caller), branchId: branchOf(caller) }),
  },
  {
    name: 'my record',
    fn: 'member',
    action: 'me',
    data: () => undefined,
    expect: everyBound,
    check: (data, { caller }) =>
      expect(data).toMatchObject({ memberId: memberIdOf(caller), branchId: branchOf(caller) }),
  },
  {
    name: 'bind with a live invite',
    fn: 'member',
    action: 'bind',
    data: async (fx) => ({ code: (await fx.invite()).code }),
    expect: { unbound: 'ok', memberA: C, memberB: C, committeeA: C, secretaryA: C, secretaryB: C, admin: C },
    check: async (data, { input }) => {
      const invite = (await getDoc<InviteDoc>(COLLECTIONS.invites, input.code))!;
      expect(data).toMatchObject({ memberId: invite.memberId, branchId: BRANCH_A });
    },
  },
  {
    name: 'add a member to my own branch',
    fn: 'member',
    action: 'create',
    data: () => ({ name: '新党员', status: '入党积极分子' }),
    expect: { ...branchAManagers, secretaryB: 'ok' },
    check: async (data, { caller }) => expect((await member(data.memberId))?.branchId).toBe(branchOf(caller)),
  },
  {
    name: 'add a member to branch A',
    fn: 'member',
    action: 'create',
    data: () => ({ name: '新党员', status: '正式党员', branchId: BRANCH_A }),
    expect: branchAManagers,
    check: async (data) => expect((await member(data.memberId))?.branchId).toBe(BRANCH_A),
  },
  {
    name: 'edit a member of A',
    fn: 'member',
    action: 'update',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id, patch: { position: '教研组长' } }),
    expect: managesA,
    check: (data, ctx) => {
      isTarget(data, ctx);
      expect(data).toMatchObject({ branchId: BRANCH_A, position: '教研组长' });
    },
  },
  {
    name: 'edit a bureau admin on A’s roll',
    fn: 'member',
    action: 'update',
    data: async (fx) => ({ memberId: (await fx.personInA(['admin']))._id, patch: { position: '党建办主任' } }),
    expect: outranksA,
    check: (data, ctx) => {
      isTarget(data, ctx);
      expect(data.position).toBe('党建办主任');
    },
  },
  {
    name: 'edit A’s secretary',
    fn: 'member',
    action: 'update',
    data: async (fx) => ({
      memberId: (await fx.personInA(['secretary', 'committee']))._id,
      patch: { position: '支部书记' },
    }),
    expect: secretaryOfA,
    check: (data, ctx) => {
      isTarget(data, ctx);
      expect(data.position).toBe('支部书记');
    },
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
    check: async (data, ctx) => {
      isTarget(data, ctx);
      expect(data).toMatchObject({ active: false, bound: false });
      expect(await countOf(COLLECTIONS.bindings, { memberId: ctx.input.memberId })).toBe(0);
    },
  },
  {
    name: 'transfer out a bureau admin on A’s roll',
    fn: 'member',
    action: 'deactivate',
    data: async (fx) => ({
      memberId: (await fx.personInA(['admin']))._id,
      reason: 'transfer_out',
      effectiveDate: '2026-11-01',
    }),
    expect: outranksA,
    check: (data, ctx) => {
      isTarget(data, ctx);
      expect(data.active).toBe(false);
    },
  },
  {
    name: 'see a member of A',
    fn: 'member',
    action: 'get',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id }),
    expect: { ...managesA, memberA: 'ok' },
    check: (data, ctx) => {
      isTarget(data, ctx);
      // A fellow member sees a name; the committee and the bureau the whole record.
      if (ctx.caller === 'memberA') expect(data).toMatchObject({ phone: null, roles: null, status: null });
      else expect(data.phone).toMatch(/^1\d{10}$/);
    },
  },
  {
    name: "list A's roster",
    fn: 'member',
    action: 'list',
    data: () => ({ branchId: BRANCH_A, page: 1, pageSize: 10 }),
    expect: { ...branchAManagers, memberA: 'ok' },
    check: (data, { caller }) => {
      expect(data.items.length).toBeGreaterThan(0);
      for (const item of data.items) {
        expect(item.branchId).toBe(BRANCH_A);
        if (caller === 'memberA' && item.memberId !== DEMO.memberA.memberId) expect(item.phone).toBeNull();
      }
    },
  },
  {
    name: 'filter A’s roster by status',
    fn: 'member',
    action: 'list',
    data: () => ({ branchId: BRANCH_A, page: 1, pageSize: 10, status: '预备党员' }),
    expect: branchAManagers,
    check: (data) => {
      expect(data.items.length).toBeGreaterThan(0);
      for (const item of data.items) expect(item).toMatchObject({ branchId: BRANCH_A, status: '预备党员' });
    },
  },
  {
    name: 'invite a member of A',
    fn: 'member',
    action: 'createInvite',
    data: async (fx) => ({ memberId: (await fx.unboundMember())._id }),
    expect: managesA,
    check: async (data, ctx) => {
      isTarget(data, ctx);
      expect((await getDoc<InviteDoc>(COLLECTIONS.invites, data.code))?.memberId).toBe(ctx.input.memberId);
    },
  },
  {
    name: 'invite an unbound bureau admin on A’s roll (the takeover path)',
    fn: 'member',
    action: 'createInvite',
    data: async (fx) => ({ memberId: (await fx.personInA(['admin'], false))._id }),
    expect: outranksA,
    check: isTarget,
  },
  {
    name: 'unbind a member of A',
    fn: 'member',
    action: 'unbind',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id }),
    expect: managesA,
    check: (data, ctx) => {
      isTarget(data, ctx);
      expect(data.bound).toBe(false);
    },
  },
  {
    name: 'unbind a bureau admin on A’s roll',
    fn: 'member',
    action: 'unbind',
    data: async (fx) => ({ memberId: (await fx.personInA(['admin']))._id }),
    expect: outranksA,
    check: (data, ctx) => {
      isTarget(data, ctx);
      expect(data.bound).toBe(false);
    },
  },
  {
    name: 'unbind A’s secretary',
    fn: 'member',
    action: 'unbind',
    data: async (fx) => ({ memberId: (await fx.personInA(['secretary', 'committee']))._id }),
    expect: secretaryOfA,
    check: (data, ctx) => {
      isTarget(data, ctx);
      expect(data.bound).toBe(false);
    },
  },
  {
    name: 'see the exemptions of a member of A',
    fn: 'member',
    action: 'exemptions',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id }),
    expect: managesA,
    check: (data, ctx) => {
      expect(data.items).toEqual([]);
      expect(data.canManage).toBe(ctx.caller !== 'committeeA');
    },
  },
  {
    name: 'excuse a member of A from organisational life (免于参加组织生活)',
    fn: 'member',
    action: 'addExemption',
    data: async (fx) => ({
      memberId: (await fx.boundMember())._id,
      reason: 'frail',
      from: '2030-01-01',
      to: '2030-06-30',
    }),
    expect: secretaryOfA,
    check: async (data, ctx) => {
      isTarget(data, ctx);
      expect(data).toMatchObject({ reasonName: '年老体弱', status: 'active', from: '2030-01-01', to: '2030-06-30' });
      expect(
        await countOf(COLLECTIONS.auditLogs, { targetId: ctx.input.memberId, action: 'member.addExemption' }),
      ).toBe(1);
    },
  },
  {
    name: 'end an exemption of a member of A',
    fn: 'member',
    action: 'endExemption',
    data: async (fx) => {
      const memberId = (await fx.boundMember())._id;
      const added = await fx.call<{ exemptionId: string }>('admin', 'member', 'addExemption', {
        memberId,
        reason: 'sick_leave',
        from: '2030-01-01',
        to: '2030-03-31',
      });
      if (!added.ok) throw new Error(added.message);
      return { exemptionId: added.data.exemptionId };
    },
    expect: secretaryOfA,
    check: (data, ctx) => {
      expect(data).toMatchObject({ exemptionId: ctx.input.exemptionId, status: 'revoked' });
    },
  },
  {
    name: 'appoint a committee member',
    fn: 'member',
    action: 'setRoles',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id, roles: ['committee'] }),
    expect: adminOnly,
    check: (data, ctx) => {
      isTarget(data, ctx);
      expect(data.roles).toEqual(['member', 'committee']);
    },
  },
  {
    name: 'make someone of A a bureau admin',
    fn: 'member',
    action: 'setRoles',
    data: async (fx) => ({ memberId: (await fx.boundMember())._id, roles: ['admin'] }),
    expect: adminOnly,
    check: (data, ctx) => {
      isTarget(data, ctx);
      expect(data.roles).toEqual(['member', 'admin']);
    },
  },
  {
    name: 'see branches',
    fn: 'org',
    action: 'branches',
    data: () => ({ page: 1, pageSize: 10 }),
    expect: everyBound,
    check: (data, { caller }) => {
      if (caller === 'admin') expect(data.items.length).toBeGreaterThan(1);
      else expect(data.items.map((b: Answer) => b.branchId)).toEqual([branchOf(caller)]);
    },
  },
  {
    name: 'see branch A',
    fn: 'org',
    action: 'branch',
    data: () => ({ branchId: BRANCH_A }),
    expect: { ...managesA, memberA: 'ok' },
    check: (data) => expect(data.branchId).toBe(BRANCH_A),
  },
  {
    name: 'list who in A has not bound yet',
    fn: 'member',
    action: 'list',
    data: () => ({ branchId: BRANCH_A, page: 1, pageSize: 10, bound: false }),
    expect: branchAManagers,
    check: (data) => {
      expect(data.items.length).toBeGreaterThan(0);
      for (const item of data.items) expect(item).toMatchObject({ branchId: BRANCH_A, bound: false });
    },
  },
  {
    name: 'create a branch',
    fn: 'org',
    action: 'createBranch',
    data: () => ({ name: '新建学校党支部', kind: 'school', schools: ['新建学校'] }),
    expect: adminOnly,
    check: async (data) => {
      const branch = await getDoc<{ name: string }>(COLLECTIONS.branches, data.branchId);
      expect(branch?.name).toBe('新建学校党支部');
    },
  },
  {
    name: 'rename a branch',
    fn: 'org',
    action: 'renameBranch',
    data: async (fx) => ({ branchId: (await fx.branchWithMember()).branch._id, name: '更名后的党支部' }),
    expect: adminOnly,
    check: (data, { input }) => expect(data).toMatchObject({ branchId: input.branchId, name: '更名后的党支部' }),
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
    check: (data, { input }) => expect(data).toMatchObject({ branchId: BRANCH_A, partyGroups: input.partyGroups }),
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
    check: (data, { input }) => expect(data).toEqual({ targetBranchId: input.targetBranchId, movedMembers: 1 }),
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
    check: async (data, { input }) => {
      expect(data.movedMembers).toBe(1);
      expect((await member(input.memberIds[0]))?.branchId).toBe(data.branchId);
    },
  },
  {
    name: 'read the audit log',
    fn: 'org',
    action: 'auditLog',
    data: () => ({ page: 1, pageSize: 5 }),
    expect: adminOnly,
    check: (data) => {
      expect(data.items.length).toBeGreaterThan(0);
      expect(data.total).toBeGreaterThanOrEqual(data.items.length);
    },
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
    check: (data) => expect(data).toEqual({ rows: 1, valid: true, created: 0, errors: [] }),
  },
  {
    name: "export A's roster",
    fn: 'roster',
    action: 'export',
    data: () => ({ branchId: BRANCH_A }),
    expect: branchAManagers,
    check: async (data) => {
      expect(data.rows).toBe(await countOf(COLLECTIONS.members, { branchId: BRANCH_A, active: true }));
      expect(data.phonesMasked).toBe(true);
    },
  },
  {
    name: 'export my own roster',
    fn: 'roster',
    action: 'export',
    data: () => ({}),
    expect: { ...branchAManagers, secretaryB: 'ok' },
    check: async (data, { caller }) => {
      const rows = await readSheet(data.fileBase64);
      // A bureau admin's own roster is the whole bureau's; anyone else's, their branch's.
      const where = caller === 'admin' ? { active: true } : { branchId: branchOf(caller), active: true };
      expect(data.rows).toBe(await countOf(COLLECTIONS.members, where));
      expect(rows.length).toBe(data.rows + 1);
      expect(data.phonesMasked).toBe(true);
    },
  },
  {
    name: 'download the import template',
    fn: 'roster',
    action: 'template',
    data: () => undefined,
    expect: everyBound,
    check: async (data) => {
      // The columns and at most one example row: nobody's roster.
      const [header, ...rest] = await readSheet(data.fileBase64);
      expect(header).toEqual([...ROSTER_COLUMNS]);
      expect(rest.length).toBeLessThanOrEqual(1);
    },
  },
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
    expect: { ...branchAManagers, secretaryB: 'ok' },
    check: async (data, { caller }) => {
      const doc = (await activity(data.activityId))!;
      expect(doc.branchId).toBe(branchOf(caller));
      // A 支委会 expects its branch committee and nobody else.
      for (const id of doc.expectedIds) {
        expect((await member(id))?.roles).toEqual(
          expect.arrayContaining([expect.stringMatching(/secretary|committee/)]),
        );
      }
    },
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
    check: async (data) => {
      const branches = new Set<string>();
      for (const id of data.activityIds) branches.add((await activity(id))!.branchId);
      expect(branches.size).toBe(data.activityIds.length);
      expect(branches).toContain(BRANCH_A);
    },
  },
  {
    name: "edit A's activity",
    fn: 'activity',
    action: 'update',
    data: async (fx) => ({ activityId: await fx.activityInA('later'), patch: { place: '图书馆报告厅' } }),
    expect: managesA,
    check: (data, ctx) => {
      detailOfA(data, ctx);
      expect(data.place).toBe('图书馆报告厅');
    },
  },
  {
    name: "cancel A's activity",
    fn: 'activity',
    action: 'cancel',
    data: async (fx) => ({ activityId: await fx.activityInA('later') }),
    expect: managesA,
    check: (data, ctx) => {
      detailOfA(data, ctx);
      expect(data.status).toBe('cancelled');
    },
  },
  {
    name: 'list activities (A has a 支委会 and a lecture starting first)',
    fn: 'activity',
    action: 'list',
    data: async (fx) => {
      // Both start before every other upcoming activity of the run, so they lead A's page.
      const start = new Date(Date.now() - 25 * 60_000).toISOString();
      const end = new Date(Date.now() + 40 * 60_000).toISOString();
      const create = async (type: string, title: string) => {
        const result = await fx.call<{ activityId: string }>('secretaryA', 'activity', 'create', {
          title,
          type,
          startAt: start,
          endAt: end,
          place: '会议室',
        });
        if (!result.ok) throw new Error(result.message);
        return result.data.activityId;
      };
      made.meeting = await create('committee', '支部委员会会议');
      made.lecture = await create('lecture', '专题党课');
      return { scope: 'upcoming', page: 1, pageSize: 50 };
    },
    expect: everyBound,
    check: async (data, { caller }) => {
      const ids: string[] = data.items.map((a: Answer) => a.activityId);
      await onlyVisibleActivities(ids, caller);
      // The bureau's 活动 tab lists every branch; everyone else sees their own branch only.
      if (caller !== 'admin') for (const item of data.items) expect(item.branchId).toBe(branchOf(caller));
      expect(ids.includes(made.meeting!)).toBe(isCommitteeA(caller) || caller === 'admin');
      expect(ids.includes(made.lecture!)).toBe(branchOf(caller) === BRANCH_A || caller === 'admin');
    },
  },
  {
    name: "see A's activity",
    fn: 'activity',
    action: 'get',
    data: async (fx) => ({ activityId: await fx.activityInA('later') }),
    expect: { ...managesA, memberA: 'ok' },
    check: (data, ctx) => {
      detailOfA(data, ctx);
      expect(data.canManage).toBe(ctx.caller !== 'memberA');
    },
  },
  {
    name: "see A's 支委会 and its minutes",
    fn: 'activity',
    action: 'get',
    data: async (fx) => {
      const activityId = await fx.committeeMeetingInA('ended');
      await fx.call('secretaryA', 'activity', 'saveMinutes', {
        activityId,
        text: '支委会研究了发展党员和下月活动安排。',
        photos: [],
      });
      return { activityId };
    },
    expect: committeeOfA,
    check: (data, ctx) => {
      detailOfA(data, ctx);
      expect(data.minutes.text).toContain('发展党员');
    },
  },
  {
    name: "show A's check-in code",
    fn: 'activity',
    action: 'checkinCode',
    data: async (fx) => ({ activityId: await fx.activityInA('now') }),
    expect: managesA,
    check: (data, { input }) => expect(data.token.startsWith(`${input.activityId}.`)).toBe(true),
  },
  {
    name: "check in to A's activity",
    fn: 'activity',
    action: 'checkin',
    data: async (fx) => ({ token: await fx.checkinToken(await fx.activityInA('now')) }),
    // Anyone holding a token learns only that they are not expected.
    expect: { ...managesA, memberA: 'ok', memberB: F, secretaryB: F, admin: F },
    check: async (data, { input, caller }) => {
      expect(data.activityId).toBe(input.token.split('.')[0]);
      const record = await getDoc(COLLECTIONS.checkins, `${data.activityId}_${memberIdOf(caller)}`);
      expect(record).toMatchObject({ memberId: memberIdOf(caller), branchId: BRANCH_A });
    },
  },
  {
    name: "ask for leave from A's activity",
    fn: 'activity',
    action: 'requestLeave',
    data: async (fx) => ({ activityId: await fx.activityInA('later'), reason: '外出培训' }),
    expect: { ...managesA, memberA: 'ok', admin: F },
    check: (data, ctx) => {
      detailOfA(data, ctx);
      expect(data.myLeave).toEqual({ status: 'pending', reason: '外出培训', late: false });
    },
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
    check: async (data, ctx) => {
      await attendanceOfA(data, ctx);
      expect(data.leaveList.map((p: Answer) => p.memberId)).toEqual([DEMO.memberA.memberId]);
    },
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
    check: async (data, ctx) => {
      await attendanceOfA(data, ctx);
      expect(data.presentList.map((p: Answer) => p.memberId)).toContain(DEMO.unboundA.memberId);
    },
  },
  {
    name: "see A's attendance",
    fn: 'activity',
    action: 'attendance',
    data: async (fx) => ({ activityId: await fx.activityInA('now') }),
    expect: managesA,
    check: attendanceOfA,
  },
  {
    name: "see the attendance of A's 支委会",
    fn: 'activity',
    action: 'attendance',
    data: async (fx) => ({ activityId: await fx.committeeMeetingInA('now') }),
    expect: committeeOfA,
    check: attendanceOfA,
  },
  {
    name: '首页: my activities, and the committee’s to-do for its own branch only',
    fn: 'activity',
    action: 'home',
    data: () => ({}),
    expect: everyBound,
    check: async (data, { caller }) => {
      const mine: string[] = data.mine.map((a: Answer) => a.activityId);
      for (const id of mine) expect((await activity(id))!.expectedIds).toContain(memberIdOf(caller));
      await onlyVisibleActivities(mine, caller);
      if (caller === 'memberA' || caller === 'memberB') expect(data.manage).toBeNull();
      if (caller === 'secretaryA' || caller === 'committeeA' || caller === 'secretaryB')
        expect(data.manage).not.toBeNull();
      if (data.manage) {
        const rows: Answer[] = [...data.manage.pendingActivities, ...data.manage.today, ...data.manage.withoutMinutes];
        for (const row of rows) expect(row.branchId).toBe(CALLER_RECORDS[caller].branchId);
        await onlyVisibleActivities(
          rows.map((r) => r.activityId),
          caller,
        );
      }
    },
  },
  {
    name: 'my attendance history (A held a 支委会 that has ended)',
    fn: 'activity',
    action: 'myAttendance',
    data: async (fx) => {
      made.pastMeeting = await fx.committeeMeetingInA('ended');
      return { page: 1, pageSize: 50 };
    },
    expect: everyBound,
    check: async (data, { caller }) => {
      const ids: string[] = data.items.map((a: Answer) => a.activityId);
      for (const id of ids) expect((await activity(id))!.expectedIds).toContain(memberIdOf(caller));
      await onlyVisibleActivities(ids, caller);
      expect(ids.includes(made.pastMeeting!)).toBe(isCommitteeA(caller));
    },
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
    check: (data, ctx) => {
      detailOfA(data, ctx);
      expect(data.minutes).toMatchObject({ text: ctx.input.text, photos: [] });
    },
  },
  {
    name: "save A's minutes with a photo from B's folder",
    fn: 'activity',
    action: 'saveMinutes',
    data: async (fx) => ({
      activityId: await fx.activityInA('ended'),
      text: '会议学习了有关文件精神并进行了讨论。',
      photos: [`local://minutes/${DEMO.secretaryB.branchId}/m1-0a.jpg`],
    }),
    expect: { ...managesA, committeeA: 'INVALID_ARGUMENT', secretaryA: 'INVALID_ARGUMENT', admin: 'INVALID_ARGUMENT' },
    check: () => {
      throw new Error('a photo of another branch is never accepted');
    },
  },
  {
    name: "remind A's attendees",
    fn: 'activity',
    action: 'remind',
    data: async (fx) => ({ activityId: await fx.activityInA('later') }),
    expect: managesA,
    check: async (data, { input }) => {
      const doc = (await activity(input.activityId))!;
      expect(data.sent + data.skipped).toBe(doc.expectedIds.length);
    },
  },
  {
    name: 'recount the statistics counters',
    fn: 'jobs',
    action: 'recount',
    data: () => ({ months: ['2026-11'] }),
    expect: adminOnly,
    check: (data) => expect(data.months).toEqual(['2026-11']),
  },
];
