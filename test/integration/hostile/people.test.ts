import fc from 'fast-check';
import type { ActivityDetail, ErrorCode, MemberListItem, Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { DEMO_BRANCHES } from '../../../emulator/seed/demo-data';
import { createActivity, endedAgo } from '../../support/activities';
import { aMember } from '../../support/factories';
import { BRANCH_A, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { expectDatabaseUnchanged, writesOf } from '../../support/snapshot';
import { buildWorld, expectOk, genuineToken, MISSING, PEOPLE, type World } from './world';

/**
 * Inside one branch: another member's records, people who outrank the caller, things only the
 * committee may see, and invites that should have stopped working.
 */
let runtime: LocalRuntime;
let fx: Fixture;
let world: World;
/** A committee meeting that has ended, with its minutes saved. */
let committeeEnded: string;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  world = await buildWorld(fx);
  committeeEnded = await createActivity(fx, 'secretaryA', {
    ...endedAgo(120, { title: '支委会：讨论入党积极分子培养', type: 'committee' }),
    audience: { kind: 'committee' },
  });
  expectOk(
    await fx.call('secretaryA', 'activity', 'saveMinutes', {
      activityId: committeeEnded,
      text: '支委会讨论了吴磊同志作为发展对象的考察情况，意见一致。',
      photos: [],
    }),
  );
}, 30_000);
afterAll(() => runtime.close());

const refused = (result: Result<unknown>, codes: ErrorCode[]) => {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(codes).toContain(result.code);
};

describe("another member's records", () => {
  it("a member sees their own standing, never a neighbour's leave or check-in", async () => {
    const later = expectOk(await fx.call<ActivityDetail>('memberA', 'activity', 'get', { activityId: world.a.later }));
    expect(later.myLeave).toBeNull();
    expect(later.myState).toBe('expected');
    const now = expectOk(await fx.call<ActivityDetail>('memberA', 'activity', 'get', { activityId: world.a.now }));
    expect(now.myState).toBe('expected');
    // memberA2 asked for leave from `later` and checked in to `now`: theirs, and still so.
    const theirs = expectOk(
      await fx.call<ActivityDetail>(PEOPLE.memberA2.openid, 'activity', 'get', { activityId: world.a.later }),
    );
    expect(theirs.myLeave).toMatchObject({ status: 'pending', reason: '外出培训学习' });
  });

  it.each([
    [
      'mark them absent',
      'markAttendance',
      (w: World) => ({
        activityId: w.a.now,
        memberId: PEOPLE.memberA2.memberId,
        state: 'absent',
        reason: '未见到本人',
      }),
    ],
    [
      'mark themselves present',
      'markAttendance',
      (w: World) => ({ activityId: w.a.now, memberId: DEMO.memberA.memberId, state: 'present', reason: '我到了' }),
    ],
    [
      'approve their leave',
      'reviewLeave',
      (w: World) => ({ activityId: w.a.later, memberId: PEOPLE.memberA2.memberId, approve: true }),
    ],
    [
      'reject their leave',
      'reviewLeave',
      (w: World) => ({ activityId: w.a.later, memberId: PEOPLE.memberA2.memberId, approve: false }),
    ],
    ['read the attendance list', 'attendance', (w: World) => ({ activityId: w.a.now })],
  ] as const)('a plain member cannot %s', async (_name, action, data) => {
    const { result, writes } = await writesOf(runtime, () => fx.call('memberA', 'activity', action, data(world)));
    refused(result, ['FORBIDDEN']);
    expect(writes).toBe(0);
  });

  it("a member's own history holds only their own attendance", async () => {
    const page = expectOk(
      await fx.call<{ items: { activityId: string; state: string }[] }>('memberA', 'activity', 'myAttendance', {
        page: 1,
        pageSize: 50,
      }),
    );
    // memberA2 checked in to `now`; memberA did not.
    expect(page.items.find((i) => i.activityId === world.a.now)?.state).toBe('expected');
  });

  const peopleOfA = DEMO_BRANCHES.find((b) => b._id === BRANCH_A)!.people.map(
    (_, i) => `${BRANCH_A}-${String(i + 1).padStart(2, '0')}`,
  );

  it('a plain member sees only the names of the rest of the branch, whoever they look up (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(DEMO.memberA.openid, PEOPLE.memberA2.openid),
        fc.constantFrom(...peopleOfA),
        async (caller, memberId) => {
          const self = caller === DEMO.memberA.openid ? DEMO.memberA.memberId : PEOPLE.memberA2.memberId;
          const item = expectOk(await fx.call<MemberListItem>(caller, 'member', 'get', { memberId }));
          expect(item.memberId).toBe(memberId);
          if (memberId === self) {
            expect(item.phone).toMatch(/^1\d{10}$/);
          } else {
            expect(item).toMatchObject({ phone: null, status: null, joinedPartyAt: null, roles: null, bound: null });
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 20_000);
});

describe('members who have left', () => {
  it('cannot act any more, and change nothing by trying', async () => {
    const left = await aMember(BRANCH_A, {
      name: '已调出党员',
      active: false,
      leftAt: new Date(),
      leftReason: 'transfer_out',
    });
    for (const [fn, action, data] of [
      ['member', 'me', undefined],
      ['activity', 'list', { scope: 'upcoming', page: 1, pageSize: 20 }],
      ['activity', 'requestLeave', { activityId: world.a.later, reason: '已经调走了' }],
      ['activity', 'checkin', { token: genuineToken(world.a.now) }],
    ] as const) {
      const { result, writes } = await writesOf(runtime, () => fx.call(left.openid!, fn, action, data));
      refused(result, ['UNAUTHENTICATED']);
      expect(writes).toBe(0);
    }
  });

  it.each([
    ['secretaryA', 'update', (id: string) => ({ memberId: id, patch: { position: '教师' } })],
    ['secretaryA', 'deactivate', (id: string) => ({ memberId: id, reason: 'other', effectiveDate: '2026-01-01' })],
    ['secretaryA', 'createInvite', (id: string) => ({ memberId: id })],
    ['admin', 'setRoles', (id: string) => ({ memberId: id, roles: ['secretary'] })],
  ] as const)('%s cannot %s them', async (caller, action, data) => {
    const left = await aMember(BRANCH_A, {
      name: '已调出党员',
      active: false,
      openid: null,
      boundAt: null,
      leftAt: new Date(),
      leftReason: 'transfer_out',
    });
    const { result, writes } = await writesOf(runtime, () => fx.call(caller, 'member', action, data(left._id)));
    refused(result, ['FAILED_PRECONDITION']);
    expect(writes).toBe(0);
  });
});

describe('committee-only things', () => {
  it.each([
    ['memberA', 'memberA'],
    ['memberA2', PEOPLE.memberA2.openid],
  ])('%s is told a committee meeting and its minutes do not exist', async (_name, caller) => {
    for (const activityId of [world.a.committee, committeeEnded]) {
      const result = await fx.call(caller, 'activity', 'get', { activityId });
      refused(result, ['NOT_FOUND']);
      expect(result).toEqual(await fx.call(caller, 'activity', 'get', { activityId: MISSING }));
    }
  });

  it('a plain member cannot check in to a committee meeting with its genuine code', async () => {
    const { result, writes } = await writesOf(runtime, () =>
      fx.call('memberA', 'activity', 'checkin', { token: genuineToken(world.a.committee) }),
    );
    refused(result, ['NOT_FOUND', 'FORBIDDEN', 'FAILED_PRECONDITION']);
    expect(writes).toBe(0);
  });

  it('a plain member cannot ask for leave from a committee meeting', async () => {
    const { result, writes } = await writesOf(runtime, () =>
      fx.call('memberA', 'activity', 'requestLeave', { activityId: world.a.committee, reason: '外出培训' }),
    );
    refused(result, ['NOT_FOUND']);
    expect(writes).toBe(0);
  });

  it('the committee does see them', async () => {
    const shown = expectOk(
      await fx.call<ActivityDetail>(PEOPLE.committeeA.openid, 'activity', 'get', { activityId: committeeEnded }),
    );
    expect(shown.minutes?.text).toContain('支委会');
  });
});

describe('people who outrank the caller', () => {
  /** A fresh target each time: if a hole lets the call through, later tests still meet the seed. */
  const outranking = {
    'a committee member acting on their secretary': {
      caller: PEOPLE.committeeA.openid,
      target: (bound: boolean) =>
        aMember(BRANCH_A, {
          name: '新任书记',
          roles: ['member', 'secretary', 'committee'],
          ...(bound ? {} : { openid: null, boundAt: null }),
        }),
    },
    'a branch secretary acting on a bureau admin of their branch': {
      caller: PEOPLE.secretaryOffice.openid,
      target: (bound: boolean) =>
        aMember('b-jgzb', {
          name: '党建办干事',
          roles: ['member', 'admin'],
          ...(bound ? {} : { openid: null, boundAt: null }),
        }),
    },
  };
  const actions = [
    ['update', true, (id: string) => ({ memberId: id, patch: { position: '普通教师' } })],
    ['deactivate', true, (id: string) => ({ memberId: id, reason: 'other', effectiveDate: '2026-01-01' })],
    ['unbind', true, (id: string) => ({ memberId: id })],
    ['createInvite', false, (id: string) => ({ memberId: id })],
  ] as const;
  const cases = Object.entries(outranking).flatMap(([who, c]) =>
    actions.map(([action, bound, data]) => [who, action, c, bound, data] as const),
  );

  it.each(cases)('%s: %s is forbidden and writes nothing', async (_who, action, c, bound, data) => {
    const target = await c.target(bound);
    const { result, writes } = await writesOf(runtime, () => fx.call(c.caller, 'member', action, data(target._id)));
    refused(result, ['FORBIDDEN']);
    expect(writes).toBe(0);
  });
});

describe('invites that should have stopped working', () => {
  it('an older code stops working once a newer one exists, and after its member was bound and unbound', async () => {
    const member = await aMember(BRANCH_A, { name: '新调入党员', openid: null, boundAt: null });
    const older = expectOk(
      await fx.call<{ code: string }>('secretaryA', 'member', 'createInvite', { memberId: member._id }),
    );
    const newer = expectOk(
      await fx.call<{ code: string }>('secretaryA', 'member', 'createInvite', { memberId: member._id }),
    );

    const stale = await expectDatabaseUnchanged(
      () => fx.call('wx_stale_invite_user_1', 'member', 'bind', { code: older.code }),
      ['rateLimits'],
    );
    refused(stale, ['FAILED_PRECONDITION', 'NOT_FOUND']);

    expectOk(await fx.call('wx_stale_invite_user_2', 'member', 'bind', { code: newer.code }));
    expectOk(await fx.call('secretaryA', 'member', 'unbind', { memberId: member._id }));
    for (const code of [older.code, newer.code]) {
      const again = await expectDatabaseUnchanged(
        () => fx.call('wx_stale_invite_user_3', 'member', 'bind', { code }),
        ['rateLimits'],
      );
      refused(again, ['FAILED_PRECONDITION', 'NOT_FOUND']);
    }
  }, 30_000);
});

describe('minutes photos from somewhere else', () => {
  const env = 'cloud://zhibu-prod-1g2h3j.7a68-zhibu-prod-1g2h3j-1300000000';
  const foreign = (w: World) => [
    `${env}/minutes/${DEMO.secretaryB.branchId}/${w.b.ended}/photo.jpg`,
    `${env}/minutes/${w.b.ended}/photo.jpg`,
    `${env}/minutes/${BRANCH_A}/../${DEMO.secretaryB.branchId}/photo.jpg`,
    `${env}/minutes/${BRANCH_A}-evil/photo.jpg`,
    'cloud://someone-elses-env.abcd-someone-elses-env-1300000001/minutes/photo.jpg',
  ];
  it.each([0, 1, 2, 3, 4])('photo %i of another branch or environment is refused and nothing is saved', async (i) => {
    const photo = foreign(world)[i]!;
    const { result, writes } = await writesOf(runtime, () =>
      fx.call('secretaryA', 'activity', 'saveMinutes', {
        activityId: world.a.ended,
        text: '会议传达学习了上级文件精神，讨论了下学期支部工作安排。',
        photos: [photo],
      }),
    );
    refused(result, ['INVALID_ARGUMENT', 'FORBIDDEN', 'NOT_FOUND', 'FAILED_PRECONDITION']);
    expect(writes).toBe(0);
  });
});

describe('the timer entry of jobs', () => {
  it.each([
    [
      'a member claiming to be the timer',
      DEMO.memberA.openid,
      { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() },
    ],
    ['an anonymous event without a trigger name', null, { Type: 'Timer' }],
    ['an anonymous event naming another trigger', null, { Type: 'Timer', TriggerName: 'not-ours' }],
  ] as const)('%s does not run the hourly job', async (_name, openid, event) => {
    const { result, writes } = await writesOf(runtime, () => runtime.invoke('jobs', event, { openid }));
    expect(result).toMatchObject({ ok: false });
    expect(result).not.toHaveProperty('recount');
    expect(writes).toBe(0);
  });
});
