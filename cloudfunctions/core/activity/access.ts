import type { ActivityDoc } from '@zhibu/types';
import { canManageBranch } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { activityOrFail } from './activity.repository';

/**
 * Who may see an activity: its branch (members and committee), anyone expected at it, and the
 * bureau. Anyone else is told it does not exist, so activity ids cannot be probed.
 */
export function canSee(session: Session, activity: ActivityDoc): boolean {
  return (
    canManageBranch(session, activity.branchId) ||
    session.member.branchId === activity.branchId ||
    activity.expectedIds.includes(session.member._id)
  );
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
