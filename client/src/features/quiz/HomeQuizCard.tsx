import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { beijingDateTime as formatDateTime } from './time';
import { useRemoteData } from '@/hooks/useRemoteData';
import { quizApi, quizPages } from './api';
import { StateBadge } from './QuizCard';
import './quiz.css';

/** 首页: the member's open quizzes with their close time (three at most; the rest behind 全部). */
export function HomeQuizCard() {
  const load = useCallback(() => quizApi.list('open', 1, 3), []);
  const { state, reload } = useRemoteData(load);
  useDidShow(() => void reload());
  const items = state.status === 'ready' ? state.data.items : [];
  return (
    <View className="quiz-home" aria-label="理论测试">
      <View className="quiz-home__title" onClick={() => void Taro.navigateTo({ url: quizPages.list() })}>
        <Text>理论测试</Text>
        <Text className="quiz-home__more">全部 ›</Text>
      </View>
      {state.status === 'ready' && items.length === 0 ? (
        <Text className="quiz-home__empty">暂无进行中的测试</Text>
      ) : null}
      {items.map((quiz) => (
        <View
          key={quiz.quizId}
          className="quiz-home__row"
          hoverClass="quiz-card--hover"
          onClick={() => void Taro.navigateTo({ url: quizPages.take(quiz.quizId) })}
        >
          <Text>{quiz.title}</Text>
          <View>
            <StateBadge state={quiz.state} />
            <Text className="quiz-home__close"> {formatDateTime(quiz.closeAt)} 截止</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
