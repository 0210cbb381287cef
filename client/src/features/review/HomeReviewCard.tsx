import { Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { HomeCard, HomeRow } from '@/ui';
import { reviewApi } from './api';
import { reviewPages } from './routes';

/**
 * 首页 while the branch's 民主评议党员 is open and the member has not finished: their 自评 and how
 * many of the others they have rated (theirs alone to see). Hidden otherwise.
 */
export function HomeReviewCard() {
  const load = useCallback(() => reviewApi.mine(), []);
  const { state, reload } = useRemoteData(load);
  useDidShow(() => void reload());
  if (state.status !== 'ready') return null;
  const { review, reviewed, selfText, rated, toRate } = state.data;
  if (!review || !review.rating || !reviewed) return null;
  const selfDone = selfText !== null;
  if (selfDone && rated >= toRate) return null;
  const open = () => void Taro.navigateTo({ url: reviewPages.home() });
  return (
    <HomeCard
      title="民主评议党员"
      more="去评议"
      onMore={open}
      summary={<Text>{`${review.year} 年度 · ${review.to} 截止`}</Text>}
    >
      <HomeRow title={selfDone ? '自评已提交' : '撰写自评'} meta={`不少于 ${review.minSelfLength} 字`} onClick={open} />
      <HomeRow title="评议其他党员" meta={`已评 ${rated} / ${toRate} 人 · 匿名`} onClick={open} />
    </HomeCard>
  );
}
