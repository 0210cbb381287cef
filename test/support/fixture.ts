import cloud from 'wx-server-sdk';
import { COLLECTIONS, type Result, type Role } from '@zhibu/types';
import type { LocalRuntime } from '../../emulator/runtime';
import { aBranch, aMember } from './factories';
import { callAs, DEMO } from './runtime';

/** The callers every authorization check is run for (ARCHITECTURE: every action checks who calls). */
export const CALLERS = ['unbound', 'memberA', 'memberB', 'committeeA', 'secretaryA', 'secretaryB', 'admin'] as const;
export type CallerKey = (typeof CALLERS)[number];

export const OPENIDS: Record<CallerKey, string> = {
  unbound: DEMO.stranger.openid,
  memberA: DEMO.memberA.openid,
  memberB: DEMO.memberB.openid,
  committeeA: DEMO.committeeA.openid,
  secretaryA: DEMO.secretaryA.openid,
  secretaryB: DEMO.secretaryB.openid,
  admin: DEMO.admin.openid,
};

/** Each bound caller's own member record and branch (`unbound` has none). */
export const CALLER_RECORDS: Record<Exclude<CallerKey, 'unbound'>, { memberId: string; branchId: string }> = {
  memberA: DEMO.memberA,
  memberB: DEMO.memberB,
  committeeA: DEMO.committeeA,
  secretaryA: DEMO.secretaryA,
  secretaryB: DEMO.secretaryB,
  admin: DEMO.admin,
};

export const BRANCH_A = DEMO.secretaryA.branchId;
export const BRANCH_B = DEMO.secretaryB.branchId;

/** Fresh records for one call, so what one caller did never changes what the next one meets. */
export function fixtureFor(runtime: LocalRuntime) {
  let strangers = 0;
  /** `unbound` is a new WeChat user on every call: one who binds stops being unbound. */
  const openidOf = (caller: CallerKey | string) =>
    caller === 'unbound'
      ? `wx_stranger_${String(++strangers).padStart(6, '0')}`
      : caller in OPENIDS
        ? OPENIDS[caller as CallerKey]
        : caller;
  const call = <T = unknown>(caller: CallerKey | string, fn: string, action: string, data?: unknown) =>
    callAs<T>(runtime, openidOf(caller), fn, action, data);
  return {
    call,
    /** An unbound member of a branch, for invites. */
    unboundMember: (branchId = BRANCH_A) => aMember(branchId, { openid: null, boundAt: null }),
    boundMember: (branchId = BRANCH_A) => aMember(branchId),
    /** A person of branch A holding `roles` (bound unless said otherwise): targets that may outrank a caller. */
    personInA: (roles: Role[], bound = true) =>
      aMember(BRANCH_A, { roles: ['member', ...roles], ...(bound ? {} : { openid: null, boundAt: null }) }),
    branchWithMember: async () => {
      const branch = await aBranch({ name: '待调整学校党支部' });
      const member = await aMember(branch._id);
      return { branch, member };
    },
    /** An activity of branch A, by its secretary; `when` places it relative to now. */
    activityInA: async (when: 'now' | 'later' | 'ended' = 'now') => {
      const minute = 60_000;
      const start = Date.now() + (when === 'now' ? -10 : when === 'later' ? 120 : -180) * minute;
      const result = await call<{ activityId: string }>('secretaryA', 'activity', 'create', {
        title: '支部主题党日',
        type: 'theme_day',
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 60 * minute).toISOString(),
        place: '会议室',
      });
      if (!result.ok) throw new Error(`could not create an activity: ${result.message}`);
      return result.data.activityId;
    },
    /** A committee-only activity of branch A (支委会), by its secretary. */
    committeeMeetingInA: async (when: 'now' | 'later' | 'ended' = 'later') => {
      const minute = 60_000;
      const start = Date.now() + (when === 'now' ? -10 : when === 'later' ? 120 : -180) * minute;
      const result = await call<{ activityId: string }>('secretaryA', 'activity', 'create', {
        title: '支部委员会会议',
        type: 'committee',
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 60 * minute).toISOString(),
        place: '书记办公室',
      });
      if (!result.ok) throw new Error(`could not create a committee meeting: ${result.message}`);
      return result.data.activityId;
    },
    checkinToken: async (activityId: string) => {
      const result = await call<{ token: string }>('secretaryA', 'activity', 'checkinCode', { activityId });
      if (!result.ok) throw new Error(`could not get a check-in code: ${result.message}`);
      return result.data.token;
    },
    /** A live invite for a fresh unbound member of branch A, created by A's secretary. */
    invite: async (branchId = BRANCH_A) => {
      const member = await aMember(branchId, { openid: null, boundAt: null });
      const secretary = branchId === BRANCH_A ? 'secretaryA' : 'admin';
      const result = await call<{ code: string }>(secretary, 'member', 'createInvite', { memberId: member._id });
      if (!result.ok) throw new Error(`could not create an invite: ${result.message}`);
      return { member, code: result.data.code };
    },
  };
}

export type Fixture = ReturnType<typeof fixtureFor>;

export async function countOf(collection: string, where: object = {}): Promise<number> {
  const { total } = (await cloud.database().collection(collection).where(where).count()) as { total: number };
  return total;
}

export function expectRefused(result: Result<unknown>, code: string): void {
  expect(result).toMatchObject({ ok: false, code });
  if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
}

export { COLLECTIONS };
