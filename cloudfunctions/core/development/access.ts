import { createHash } from 'node:crypto';
import { COLLECTIONS, type DevelopmentCandidateDoc, type DevelopmentStep } from '@zhibu/types';
import { canManageBranch, isAdmin, isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';

/** One candidacy per member, so two secretaries starting the same member at once make one. */
export function candidateIdOf(memberId: string): string {
  const id = `d_${memberId}`;
  return id.length <= 64 ? id : `d_${createHash('sha256').update(memberId).digest('hex').slice(0, 40)}`;
}

/** Steps the bureau records: its 预审 and the 上级党委's approvals. */
const BUREAU_STEPS = new Set<DevelopmentStep>(['prereview', 'approval', 'fullApproval']);
/** What a sponsor (培养联系人) records: their 考察 notes. */
const SPONSOR_STEPS = new Set<DevelopmentStep>(['activistReview', 'probationReview']);

export type Relation = 'manager' | 'sponsor' | 'self';

/** How the caller stands to a candidacy; null: not theirs to see. */
export function relationTo(session: Session, doc: DevelopmentCandidateDoc): Relation | null {
  if (canManageBranch(session, doc.branchId)) return 'manager';
  if (doc.sponsorIds.includes(session.member._id) && doc.branchId === session.member.branchId) return 'sponsor';
  if (doc.memberId === session.member._id) return 'self';
  return null;
}

/** A management action needs a committee seat or the bureau; a plain member is refused before any lookup. */
export function requireSomeManager(session: Session): void {
  if (!isAdmin(session) && !isCommitteeOf(session, session.member.branchId)) {
    throw forbidden('只有支部委员或局党委管理员可以进行此操作');
  }
}

/** A candidacy the caller may see; another branch's answers exactly as a missing one. */
export async function visibleCandidate(
  session: Session,
  candidateId: string,
): Promise<{ doc: DevelopmentCandidateDoc; relation: Relation }> {
  const doc = await getDoc<DevelopmentCandidateDoc>(COLLECTIONS.developmentCandidates, candidateId);
  const relation = doc ? relationTo(session, doc) : null;
  if (!doc || !relation) throw notFound('没有找到该发展对象');
  return { doc, relation };
}

export function mayRecord(session: Session, relation: Relation, step: DevelopmentStep): boolean {
  if (relation === 'manager') return !BUREAU_STEPS.has(step) || isAdmin(session);
  return relation === 'sponsor' && SPONSOR_STEPS.has(step);
}

export function requireMayRecord(session: Session, relation: Relation, step: DevelopmentStep): void {
  if (mayRecord(session, relation, step)) return;
  if (relation === 'manager') throw forbidden('预审和上级党委审批由局党委管理员记录');
  if (relation === 'sponsor') throw forbidden('培养联系人只能记录考察情况');
  throw forbidden('只有支部委员或局党委管理员可以记录发展步骤');
}

/**
 * A candidacy the caller means to write to. A fellow member of the branch who is neither on its
 * committee nor a sponsor is refused as a member calling a management action; anyone outside the
 * branch is told it does not exist.
 */
export async function writableCandidate(
  session: Session,
  candidateId: string,
): Promise<{ doc: DevelopmentCandidateDoc; relation: Relation }> {
  const doc = await getDoc<DevelopmentCandidateDoc>(COLLECTIONS.developmentCandidates, candidateId);
  const relation = doc ? relationTo(session, doc) : null;
  if (doc && relation) return { doc, relation };
  if (doc && doc.branchId === session.member.branchId) throw forbidden('只有支部委员或局党委管理员可以记录发展步骤');
  throw notFound('没有找到该发展对象');
}
