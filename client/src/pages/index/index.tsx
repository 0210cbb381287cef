import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { MemberHero, SessionGate, useSession } from '@/features/member';
import { HomeNoticeCard } from '@/features/notice';
import { HomeStudyCard } from '@/features/study';
import { HomeQuizCard } from '@/features/quiz';
import { Cell, CellGroup } from '@/ui';

const openTab = (url: string) => () => void Taro.switchTab({ url });

export default function HomePage() {
  const { refresh } = useSession();
  const [refreshes, setRefreshes] = useState(0);

  usePullDownRefresh(() => {
    setRefreshes((n) => n + 1);
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <SessionGate>
      {(member) => (
        <>
          <MemberHero member={member} />
          <HomeNoticeCard />
          <HomeStudyCard refreshKey={refreshes} />
          <HomeQuizCard />
          <CellGroup title="支部工作">
            <Cell label="支部活动" value="三会一课、主题党日" onClick={openTab('/pages/activity/index')} />
            <Cell label="学习任务" value="学习材料与心得" onClick={openTab('/pages/study/index')} />
          </CellGroup>
        </>
      )}
    </SessionGate>
  );
}
