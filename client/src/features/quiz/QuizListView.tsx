import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { QuizSummary } from '@zhibu/types';
import { useState } from 'react';
import emptyStudy from '@/assets/empty/study.png';
import { usePagedList } from '@/hooks/usePagedList';
import { Cell, CellGroup, EmptyState, ErrorState, ListFooter, LoadingState } from '@/ui';
import { quizApi, quizPages } from './api';
import { QuizCard } from './QuizCard';
import './quiz.css';
import { usePullToReload } from '@/hooks/usePullToReload';

const idOf = (q: QuizSummary) => q.quizId;
const loadOpen = (page: number, size: number) => quizApi.list('open', page, size);
const loadPast = (page: number, size: number) => quizApi.list('past', page, size);

/** 理论测试: the member's quizzes, open ones first, and the way into the 错题本. */
export function QuizListView() {
  const [scope, setScope] = useState<'open' | 'past'>('open');
  const open = usePagedList(loadOpen, { idOf, active: scope === 'open' });
  const past = usePagedList(loadPast, { idOf, active: scope === 'past' });
  const list = scope === 'open' ? open : past;

  usePullToReload(list.reload);
  useReachBottom(() => void list.loadMore());
  useDidShow(() => {
    if (list.loadedAt !== null) void list.reload();
  });

  return (
    <View>
      <CellGroup>
        <Cell
          label="我的错题本"
          value="错题练习"
          onClick={() => void Taro.navigateTo({ url: quizPages.wrongBook() })}
        />
      </CellGroup>
      <View className="quiz-tabs" role="tablist">
        {(['open', 'past'] as const).map((s) => (
          <View
            key={s}
            role="tab"
            aria-selected={scope === s}
            className={`quiz-tabs__item${scope === s ? ' quiz-tabs__item--active' : ''}`}
            onClick={() => setScope(s)}
          >
            {s === 'open' ? '进行中' : '已结束'}
          </View>
        ))}
      </View>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState
          image={emptyStudy}
          title={scope === 'open' ? '暂无需要参加的测试' : '还没有已结束的测试'}
          description="支部或局党委发布理论测试后会显示在这里。"
        />
      ) : null}
      {list.items.map((quiz) => (
        <QuizCard key={quiz.quizId} quiz={quiz} onOpen={(id) => void Taro.navigateTo({ url: quizPages.take(id) })} />
      ))}
      {list.status === 'ready' && list.items.length > 0 ? <ListFooter list={list} /> : null}
    </View>
  );
}
