import fc from 'fast-check';
import { ACTIVITY_TYPES, type ErrorCode } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, detail, startingIn } from '../../support/activities';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { expectDatabaseUnchanged, snapshotDatabase, writesOf } from '../../support/snapshot';
import { buildWorld, expectOk, genuineToken, PEOPLE, type World } from './world';

/**
 * Cancelled and finished activities, aimed at by the people who may act on a live one: each call
 * is refused with a clear FAILED_PRECONDITION and nothing is written, counters included.
 */
let runtime: LocalRuntime;
let fx: Fixture;
let world: World;
/** Cancelled while memberA's leave request was still waiting. */
let cancelledWithLeave: string;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  world = await buildWorld(fx);
  cancelledWithLeave = await createActivity(fx, 'secretaryA', startingIn(240, { title: '待取消的党课' }));
  expectOk(
    await fx.call('memberA', 'activity', 'requestLeave', { activityId: cancelledWithLeave, reason: '外出培训' }),
  );
  expectOk(await fx.call('secretaryA', 'activity', 'cancel', { activityId: cancelledWithLeave }));
}, 30_000);
afterAll(() => runtime.close());

type State = 'cancelled' | 'ended' | 'now' | 'later';
interface Closed {
  name: string;
  caller: string;
  action: string;
  state: State;
  data: (activityId: string) => unknown;
  codes?: ErrorCode[];
}

const FP: ErrorCode[] = ['FAILED_PRECONDITION'];
const text = '会议传达学习了上级文件精神，讨论了下学期的支部工作。';

const CASES: Closed[] = [
  ...(['cancelled', 'ended'] as const).flatMap((state): Closed[] => [
    { name: 'check in', caller: 'memberA', action: 'checkin', state, data: (id) => ({ token: genuineToken(id) }) },
    {
      name: 'show the check-in code',
      caller: 'secretaryA',
      action: 'checkinCode',
      state,
      data: (id) => ({ activityId: id }),
    },
    {
      name: 'ask for leave',
      caller: 'memberA',
      action: 'requestLeave',
      state,
      data: (id) => ({ activityId: id, reason: '家中有事' }),
    },
    { name: 'send the reminder', caller: 'secretaryA', action: 'remind', state, data: (id) => ({ activityId: id }) },
  ]),
  {
    name: 'edit',
    caller: 'secretaryA',
    action: 'update',
    state: 'cancelled',
    data: (id) => ({ activityId: id, patch: { place: '图书馆' } }),
  },
  ...(
    [
      ['move into another month', { startAt: '2031-01-05T09:00:00+08:00', endAt: '2031-01-05T10:00:00+08:00' }],
      ['shrink its audience to who came', { audience: { kind: 'members', memberIds: [DEMO.secretaryA.memberId] } }],
      ['turn into another kind of meeting', { type: 'party_congress' }],
    ] as const
  ).map(([name, patch]): Closed => ({
    name,
    caller: 'secretaryA',
    action: 'update',
    state: 'ended',
    data: (id) => ({ activityId: id, patch }),
  })),
  {
    name: 'cancel again',
    caller: 'secretaryA',
    action: 'cancel',
    state: 'cancelled',
    data: (id) => ({ activityId: id, reason: '重复取消' }),
  },
  {
    name: 'mark a member present',
    caller: 'secretaryA',
    action: 'markAttendance',
    state: 'cancelled',
    data: (id) => ({ activityId: id, memberId: DEMO.memberA.memberId, state: 'present', reason: '手工补签' }),
  },
  {
    name: 'save the minutes',
    caller: 'secretaryA',
    action: 'saveMinutes',
    state: 'cancelled',
    data: (id) => ({ activityId: id, text, photos: [] }),
  },
  {
    name: 'save the minutes before the meeting',
    caller: 'secretaryA',
    action: 'saveMinutes',
    state: 'later',
    data: (id) => ({ activityId: id, text, photos: [] }),
  },
];

describe('cancelled and finished activities', () => {
  it.each(CASES.map((c) => [`${c.action} (${c.name}) on a ${c.state} activity`, c] as const))(
    '%s is refused and writes nothing',
    async (_label, c) => {
      const activityId = world.a[c.state];
      const { result, writes } = await writesOf(runtime, () =>
        fx.call(c.caller, 'activity', c.action, c.data(activityId)),
      );
      expect(result).toMatchObject({ ok: false, code: expect.stringMatching((c.codes ?? FP).join('|')) });
      if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(writes).toBe(0);
    },
  );

  it('an ended activity may still have a typo in its title, place or agenda fixed', async () => {
    const fixed = expectOk(
      await fx.call<{ title: string; startAt: string }>('secretaryA', 'activity', 'update', {
        activityId: world.a.ended,
        patch: { title: '党课：学习新党章（补记）', place: '报告厅', agenda: '学习党章第一章' },
      }),
    );
    expect(fixed.title).toBe('党课：学习新党章（补记）');
  });

  it('a leave request left waiting on a cancelled activity cannot be approved or rejected', async () => {
    for (const approve of [true, false]) {
      await expectDatabaseUnchanged(async () => {
        const result = await fx.call('secretaryA', 'activity', 'reviewLeave', {
          activityId: cancelledWithLeave,
          memberId: DEMO.memberA.memberId,
          approve,
        });
        expect(result).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
      });
    }
  });

  it('any edit of a cancelled activity is refused and writes nothing (property)', async () => {
    const patch = fc
      .record(
        {
          title: fc.constantFrom('改名后的活动', '支部党员大会'),
          type: fc.constantFrom(...ACTIVITY_TYPES),
          place: fc.constantFrom('报告厅', '线上'),
          agenda: fc.string({ maxLength: 40 }),
          audience: fc.constantFrom(
            { kind: 'branch' },
            { kind: 'committee' },
            { kind: 'group', partyGroupId: 'g1' },
            { kind: 'members', memberIds: [DEMO.memberA.memberId] },
          ),
          startAt: fc.constantFrom(new Date(Date.now() + 3600_000).toISOString()),
        },
        { requiredKeys: [] },
      )
      .filter((p) => Object.keys(p).length > 0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(world.a.cancelled, cancelledWithLeave), patch, async (activityId, p) => {
        const { result, writes } = await writesOf(runtime, () =>
          fx.call('secretaryA', 'activity', 'update', { activityId, patch: p }),
        );
        expect(result).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
        expect(writes).toBe(0);
      }),
      { numRuns: 25 },
    );
  }, 20_000);

  it('a cancelled activity stays out of the counters after everything above', async () => {
    const data = (await snapshotDatabase()).branchMonths as { activities: Record<string, unknown> }[];
    expect(data.length).toBeGreaterThan(0);
    for (const doc of data) {
      expect(Object.keys(doc.activities)).not.toContain(world.a.cancelled);
      expect(Object.keys(doc.activities)).not.toContain(cancelledWithLeave);
    }
    const shown = await detail(fx, PEOPLE.memberA2.openid, world.a.cancelled);
    expect(shown.status).toBe('cancelled');
  });
});
