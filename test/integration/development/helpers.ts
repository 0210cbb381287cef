import type { Result, Timeline } from '@zhibu/types';
import { aMember } from '../../support/factories';
import { BRANCH_A, type fixtureFor } from '../../support/fixture';

type Call = ReturnType<typeof fixtureFor>['call'];

/** A member of branch A who has applied, and two full members to sponsor them; all bound. */
export async function applicantInA(status: '申请入党' | '入党积极分子' = '申请入党') {
  const member = await aMember(BRANCH_A, { name: '李申请', status, joinedPartyAt: null });
  const sponsor1 = await aMember(BRANCH_A, { name: '王培养' });
  const sponsor2 = await aMember(BRANCH_A, { name: '赵联系' });
  return { member, sponsors: [sponsor1, sponsor2] as const };
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
  return result.data;
}

/** Beijing dates long past, so a year as an activist and a year of probation have run. */
export const STEPS = {
  activist: { date: '2023-04-10' },
  reviews: ['2023-10-09', '2024-04-08'],
  candidate: { date: '2024-04-15' },
} as const;

/** Starts the candidacy and records it up to 发展对象 as branch A's secretary. */
export async function candidateInA(call: Call, upTo: 'apply' | 'activist' | 'candidate' = 'candidate') {
  const { member, sponsors } = await applicantInA();
  const { candidateId } = unwrap(
    await call<{ candidateId: string }>('secretaryA', 'development', 'start', {
      memberId: member._id,
      appliedAt: '2023-03-01',
    }),
  );
  if (upTo !== 'apply') {
    unwrap(
      await call<Timeline>('secretaryA', 'development', 'record', {
        candidateId,
        step: 'activist',
        date: STEPS.activist.date,
        sponsorIds: sponsors.map((s) => s._id),
      }),
    );
  }
  if (upTo === 'candidate') {
    for (const date of STEPS.reviews) {
      unwrap(
        await call('secretaryA', 'development', 'record', {
          candidateId,
          step: 'activistReview',
          date,
          note: '思想进步，工作积极',
        }),
      );
    }
    unwrap(
      await call('secretaryA', 'development', 'record', { candidateId, step: 'candidate', date: STEPS.candidate.date }),
    );
  }
  return { candidateId, member, sponsors };
}
