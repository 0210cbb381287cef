import { Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { HomeCard, HomeRow } from '@/ui';
import { transferApi } from './api';
import { transferPages } from './routes';

/** 首页 of a receiving secretary (or the bureau): transfers waiting for them. Hidden when none. */
export function HomeTransferCard() {
  const load = useCallback(() => transferApi.waiting(), []);
  const { state, reload } = useRemoteData(load);
  useDidShow(() => void reload());
  if (state.status !== 'ready' || state.data.count === 0) return null;
  const { count, oldestDays } = state.data;
  const open = () => void Taro.navigateTo({ url: transferPages.list('incoming') });
  return (
    <HomeCard
      title="组织关系转接"
      count={count}
      more="去办理"
      onMore={open}
      summary={<Text>{`${count} 人的组织关系待接收`}</Text>}
    >
      <HomeRow
        title="待接收的转入"
        meta={oldestDays > 0 ? `最早的已等待 ${oldestDays} 天` : '今天发来'}
        onClick={open}
      />
    </HomeCard>
  );
}
