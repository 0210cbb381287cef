import { issueToken } from '../../../cloudfunctions/core/activity/checkin-token';
import { bj, type TestClock } from '../../support/clock';
import { aBranchOf } from '../../support/factories';
import type { Fixture } from '../../support/fixture';

/** A branch's secretary and three members, by openid (the secretary first). */
export async function aSmallBranch(name: string): Promise<{ branchId: string; openids: string[] }> {
  const { branch, secretary, members } = await aBranchOf(3, name);
  return { branchId: branch._id, openids: [secretary, ...members].map((m) => m.openid!) };
}

/**
 * A meeting held on a day through the real functions: created by the first of `openids` that
 * morning, scanned into by the first `present` of them at 15:05 Beijing time, and minuted that
 * evening, the clock moved along. It leaves the clock at 18:00 that day.
 */
export async function heldMeeting(
  fx: Fixture,
  clock: TestClock,
  openids: string[],
  day: string,
  type: string,
  present: number,
): Promise<void> {
  const call = async <T>(who: string, action: string, data: unknown): Promise<T> => {
    const result = await fx.call<T>(who, 'activity', action, data);
    if (!result.ok) throw new Error(`activity.${action}: ${result.code} ${result.message}`);
    return result.data;
  };
  clock.set(bj(`${day} 09:00`));
  const { activityId } = await call<{ activityId: string }>(openids[0]!, 'create', {
    title: `${day} 会议`,
    type,
    startAt: bj(`${day} 15:00`).toISOString(),
    endAt: bj(`${day} 16:00`).toISOString(),
    place: '会议室',
  });
  clock.set(bj(`${day} 15:05`));
  const { token } = issueToken(activityId, process.env.CHECKIN_SECRET!, Date.now());
  for (const who of openids.slice(0, present)) await call(who, 'checkin', { token });
  clock.set(bj(`${day} 18:00`));
  await call(openids[0]!, 'saveMinutes', { activityId, text: '传达了上级精神，交流了体会。', photos: [] });
}
