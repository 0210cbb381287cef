import { COLLECTIONS, type DevelopmentCandidateDoc, type MemberDoc } from '@zhibu/types';
import { candidateIdOf } from '../development/access';
import { progressOfDoc } from '../development/timeline';
import { getDoc } from '../runtime/documents';

/**
 * The first month a member owes dues. A probationary member pays from the day the branch meeting
 * accepted them (党章: the probation, and membership, run from that day): the 发展党员 pipeline's
 * 支部大会讨论 step, as corrected. A member without a candidacy pays from their 入党时间 where the
 * roster has one; otherwise the base's own start decides.
 */
export async function startMonthOf(
  member: Pick<MemberDoc, '_id' | 'joinedPartyAt' | 'candidacyId'>,
): Promise<string | null> {
  const candidacy = await getDoc<DevelopmentCandidateDoc>(
    COLLECTIONS.developmentCandidates,
    member.candidacyId ?? candidateIdOf(member._id),
  );
  const accepted = candidacy ? progressOfDoc(candidacy).done.branchVote?.date : undefined;
  const day = accepted ?? member.joinedPartyAt;
  return day ? day.slice(0, 7) : null;
}
