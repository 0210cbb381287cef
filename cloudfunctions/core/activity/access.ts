import type { ActivityDoc } from '@zhibu/types';
import { canManageBranch } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { activityOrFail } from './activity.repository';

/**
 * 支委会 and anything addressed to the committee: its agenda, minutes and attendance are the
 * committee's business, seen by the branch committee and the bureau only.
 */
export const isCommitteeOnly = (activity: Pick<ActivityDoc, 'type' | 'audience'>) =>
  activity.type === 'committee' || activity.audience.kind === 'committee';

/**
 * Who may see an activity: its branch (members and committee), anyone expected at it, and the
 * bureau; a committee-only one, its branch committee and the bureau alone. Anyone else is told it
 * does not exist, so activity ids cannot be probed.
 */
export function canSee(session: Session, activity: ActivityDoc): boolean {
  if (canManageBranch(session, activity.branchId)) return true;
  if (isCommitteeOnly(activity)) return false;
  return session.member.branchId === activity.branchId || activity.expectedIds.includes(session.member._id);
}

/**
 * The query conditions that keep committee-only activities out of a list for a caller outside
 * that committee (every list of activities adds them; `canSee` is the same rule for one record).
 */
export function hideCommitteeOnly(command: { neq(value: unknown): unknown }): Record<string, unknown> {
  return { type: command.neq('committee'), 'audience.kind': command.neq('committee') };
}

export async function visibleActivity(session: Session, activityId: string): Promise<ActivityDoc> {
  const activity = await activityOrFail(activityId);
  if (!canSee(session, activity)) throw notFound('没有找到该活动');
  return activity;
}

/** An activity the caller runs: its branch committee, or a bureau admin. */
export async function managedActivity(session: Session, activityId: string): Promise<ActivityDoc> {
  const activity = await visibleActivity(session, activityId);
  if (!canManageBranch(session, activity.branchId)) throw forbidden('只有本支部的支部委员可以进行此操作');
  return activity;
}
