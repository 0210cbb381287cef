import { Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { HomeCard, HomeRow } from '@/ui';
import { developmentApi } from './api';
import { beijingToday, daysBetween } from './format';
import { developmentPages } from './routes';

const SHOWN = 5;

/** 首页 of a branch committee: 发展党员 steps due in the next 14 days, and overdue ones. Hidden when none. */
export function HomeDevelopmentCard() {
  const load = useCallback(() => developmentApi.due(), []);
  const { state, reload } = useRemoteData(load);
  useDidShow(() => void reload());
  // A reminder card: nothing due, or a failure, leaves it out rather than filling 首页.
  if (state.status !== 'ready' || state.data.items.length === 0) return null;
  const { items } = state.data;
  const today = beijingToday();
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <HomeCard
      title="发展党员提醒"
      count={items.length}
      more="发展党员"
      onMore={() => void Taro.navigateTo({ url: developmentPages.list() })}
      summary={<Text>{overdue > 0 ? `${overdue} 项已逾期` : '14 天内到期的发展步骤'}</Text>}
    >
      {items.slice(0, SHOWN).map((item) => {
        const days = daysBetween(today, item.dueBy);
        return (
          <HomeRow
            key={`${item.candidateId}-${item.step}`}
            title={`${item.name} · ${item.label}`}
            meta={
              item.overdue
                ? `已逾期 · 应于 ${item.dueBy} 前完成`
                : `${item.dueBy} 前完成 · ${days <= 0 ? '今天到期' : `还剩 ${days} 天`}`
            }
            onClick={() => void Taro.navigateTo({ url: developmentPages.timeline(item.candidateId) })}
          />
        );
      })}
    </HomeCard>
  );
}
