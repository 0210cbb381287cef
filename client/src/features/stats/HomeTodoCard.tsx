import { Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Todo } from '@zhibu/types';
import { useCallback } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { HomeCard, HomeRow } from '@/ui';
import { statsApi } from './api';
import { beijingMonth, daysLeftInMonth } from './period';
import { statsPages } from './routes';

/**
 * 本月还需：支委会 1 次、主题党日 1 次. An item counts as this month's when its period ends by the
 * end of this month (a month's own items, and a quarter's in its last month).
 */
export function monthSummary(todo: readonly Todo[], now: number = Date.now()): string {
  const left = daysLeftInMonth(now);
  const thisMonth = todo.filter((t) => t.daysLeft <= left);
  if (thisMonth.length === 0) return '';
  return `本月还需：${thisMonth.map((t) => `${t.name} ${t.count} 次`).join('、')}`;
}

/** 首页 of a branch committee: what the compliance calendar still needs, each row opening 发起活动 with its type. */
export function HomeTodoCard() {
  const load = useCallback(() => statsApi.compliance(beijingMonth().year), []);
  const { state, reload } = useRemoteData(load);
  useDidShow(() => void reload());
  // A summary card: a failure leaves it out rather than filling 首页 with errors.
  if (state.status !== 'ready') return null;
  const { todo } = state.data;
  const summary = monthSummary(todo);
  return (
    <HomeCard
      title="本月待办"
      count={todo.length}
      more="合规日历"
      onMore={() => void Taro.navigateTo({ url: statsPages.branch() })}
      summary={summary ? <Text>{summary}</Text> : undefined}
      empty="本期各项组织生活都已按要求开展"
    >
      {todo.map((t) => (
        <HomeRow
          key={t.type}
          title={`${t.name} · 还需 ${t.count} 次`}
          meta={`还剩 ${t.daysLeft} 天 · 点此发起${t.name}`}
          onClick={() => void Taro.navigateTo({ url: statsPages.newActivity(t.type) })}
        />
      ))}
    </HomeCard>
  );
}
