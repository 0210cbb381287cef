import type { ActivityHome, LoginResult } from '@zhibu/types';
import { Fragment, useState, type ReactNode } from 'react';
import { CommitteeCards, MyActivitiesCard, useActivityHome } from '@/features/activity';
import { ScanCheckinButton } from '@/features/checkin';
import { HomeDevelopmentCard, HomeSponsorCard } from '@/features/development';
import { BureauShortcutsCard, isBureauAdmin, MemberHero, SessionGate, useSession } from '@/features/member';
import { HomeNoticeCard } from '@/features/notice';
import { HomeQuizCard } from '@/features/quiz';
import { HomeReviewCard } from '@/features/review';
import { HomeTodoCard } from '@/features/stats';
import { HomeStudyCard } from '@/features/study';
import { HomeTransferCard } from '@/features/transfer';
import { usePullToReload } from '@/hooks/usePullToReload';

/** A branch's secretary or committee member: the one who holds the meetings 本月待办 asks for. */
const isBranchCommittee = (member: LoginResult) =>
  member.roles.includes('secretary') || member.roles.includes('committee');

/**
 * 首页 is each person's to-do list: one card per thing to do, in one layout. A new card is one more
 * entry in this list.
 */
function homeCards(member: LoginResult, home: ActivityHome | null, refreshKey: number): [string, ReactNode][] {
  const today = new Set(home?.manage?.today.map((a) => a.activityId) ?? []);
  // The committee's own meetings today are on its card already; the member card shows the rest.
  const mine = home ? { ...home, mine: home.mine.filter((a) => !today.has(a.activityId)) } : null;
  return [
    ['bureau', isBureauAdmin(member.roles) ? <BureauShortcutsCard /> : null],
    ['committee', home?.manage ? <CommitteeCards manage={home.manage} /> : null],
    ['compliance', isBranchCommittee(member) ? <HomeTodoCard /> : null],
    ['development', isBranchCommittee(member) ? <HomeDevelopmentCard /> : null],
    ['sponsor', <HomeSponsorCard />],
    ['transfer', member.roles.includes('secretary') || isBureauAdmin(member.roles) ? <HomeTransferCard /> : null],
    ['review', <HomeReviewCard />],
    ['activities', mine ? <MyActivitiesCard home={mine} scanButton={<ScanCheckinButton />} /> : null],
    ['notices', <HomeNoticeCard />],
    ['study', <HomeStudyCard refreshKey={refreshKey} />],
    ['quizzes', <HomeQuizCard />],
  ];
}

function HomeCards({ member, refreshKey }: { member: LoginResult; refreshKey: number }) {
  const home = useActivityHome(refreshKey);
  return (
    <>
      {homeCards(member, home, refreshKey).map(([key, card]) => (card ? <Fragment key={key}>{card}</Fragment> : null))}
    </>
  );
}

export default function HomePage() {
  const { refresh } = useSession();
  const [refreshes, setRefreshes] = useState(0);

  usePullToReload(() => {
    setRefreshes((n) => n + 1);
    return refresh();
  });

  return (
    <SessionGate>
      {(member) => (
        <>
          <MemberHero member={member} />
          <HomeCards member={member} refreshKey={refreshes} />
        </>
      )}
    </SessionGate>
  );
}
