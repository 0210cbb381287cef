import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback } from 'react';
import { HomeCard, HomeRow } from '@/ui';
import { useRemoteData } from '@/hooks/useRemoteData';
import { beijingDateTime as formatDateTime } from './time';
import { quizApi, quizPages } from './api';
import { StateBadge } from './QuizCard';
import './quiz.css';

/** 首页: the member's open quizzes with their close time (three at most; the rest behind 全部). */
export function HomeQuizCard() {
  const load = useCallback(() => quizApi.list('open', 1, 3), []);
  const { state, reload } = useRemoteData(load);
  useDidShow(() => void reload());
  if (state.status !== 'ready') return null;
  const { items, total } = state.data;
  return (
    <HomeCard
      title="理论测试"
      count={total}
      onMore={() => void Taro.navigateTo({ url: quizPages.list() })}
      empty="暂无进行中的测试"
    >
      {items.map((quiz) => (
        <HomeRow
          key={quiz.quizId}
          title={quiz.title}
          meta={`${formatDateTime(quiz.closeAt)} 截止`}
          badge={<StateBadge state={quiz.state} />}
          onClick={() => void Taro.navigateTo({ url: quizPages.take(quiz.quizId) })}
        />
      ))}
    </HomeCard>
  );
}
