import type { ActivityDoc, MemberDoc } from '@zhibu/types';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, startingIn } from '../../support/activities';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, countOf, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const expectedAt = async (activityId: string) =>
  (await getDoc<ActivityDoc>(COLLECTIONS.activities, activityId))!.expectedIds;

describe('multi-step writes', () => {
  it('a bureau push sent again after a partial failure creates nothing twice', async () => {
    const input = startingIn(60 * 24 * 2, { title: '全县主题党日：重发测试', type: 'theme_day' });
    const { branch: first } = await aBranchOf(3, '推送重试一支部');
    const { branch: second } = await aBranchOf(3, '推送重试二支部');
    // The first attempt reached only the first branch before it stopped.
    const partial = await fx.call<{ activityIds: string[] }>('admin', 'activity', 'push', {
      ...input,
      branchIds: [first._id],
    });
    const retry = await fx.call<{ activityIds: string[] }>('admin', 'activity', 'push', {
      ...input,
      branchIds: [first._id, second._id],
    });
    const again = await fx.call<{ activityIds: string[] }>('admin', 'activity', 'push', {
      ...input,
      branchIds: [first._id, second._id],
    });
    if (!partial.ok || !retry.ok || !again.ok) throw new Error('push failed');
    expect(retry.data.activityIds).toContain(partial.data.activityIds[0]);
    expect(again.data.activityIds).toEqual(retry.data.activityIds);
    expect(await countOf(COLLECTIONS.activities, { branchId: first._id })).toBe(1);
    expect(await countOf(COLLECTIONS.activities, { branchId: second._id })).toBe(1);
    const month = (await getDoc<ActivityDoc>(COLLECTIONS.activities, partial.data.activityIds[0]!))!.month;
    const counters = await getDoc<{ held: Record<string, number>; expected: number }>(
      COLLECTIONS.branchMonths,
      `${first._id}_${month}`,
    );
    expect(counters).toMatchObject({ held: { theme_day: 1 }, expected: 4 });
  });

  it('members moved by a split or a merge are no longer expected at the old branch’s coming activities', async () => {
    const { branch, secretary, members } = await aBranchOf(6, '拆分前支部');
    const coming = await createActivity(fx, secretary.openid!, startingIn(60 * 24 * 4));
    const moving = members.slice(0, 2).map((m) => m._id);
    const split = await fx.call<{ branchId: string }>('admin', 'org', 'splitBranch', {
      branchId: branch._id,
      memberIds: moving,
      newBranch: { name: '拆分出的新支部', kind: 'school', schools: ['新学校'] },
    });
    if (!split.ok) throw new Error(split.message);
    expect(await expectedAt(coming)).not.toEqual(expect.arrayContaining([moving[0]]));
    expect(await expectedAt(coming)).toHaveLength(5);

    const { branch: target } = await aBranchOf(2, '合并目标支部');
    const merge = await fx.call('admin', 'org', 'mergeBranches', {
      targetBranchId: target._id,
      sourceBranchIds: [branch._id],
    });
    expect(merge).toMatchObject({ ok: true, data: { movedMembers: 4 } });
    // Whoever is still expected still belongs to the old branch; the four who moved are not.
    const still = await expectedAt(coming);
    for (const id of still) expect((await getDoc<MemberDoc>(COLLECTIONS.members, id))?.branchId).toBe(branch._id);
    expect(still).not.toEqual(expect.arrayContaining([members[2]!._id]));
    expect(still.filter((id) => members.some((m) => m._id === id))).toEqual([]);
  });
});
