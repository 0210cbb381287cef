import { Text, View } from '@tarojs/components';
import type { MyStats } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { Badge, openActivity, openHistory, TypeTag } from '@/features/activity';
import { useRemoteData } from '@/hooks/useRemoteData';
import { ErrorState, LoadingState } from '@/ui';
import { statsApi } from './api';
import { Figures } from './Figures';
import { beijingShortDate, percent } from './format';
import { PeriodPicker } from './PeriodPicker';
import { currentPeriod } from './period';
import './stats.css';
import { usePullToReload } from '@/hooks/usePullToReload';

const STATE_BADGES = {
  present: { tone: 'success', text: '出席' },
  leave: { tone: 'warning', text: '请假' },
  absent: { tone: 'danger', text: '缺席' },
} as const;

const rateOf = (part: number, whole: number) => percent(whole > 0 ? part / whole : null);

function myFigures(s: MyStats) {
  const { attendance: a, study, quizzes, notices } = s;
  return [
    {
      label: '出勤',
      value: rateOf(a.present, a.expected),
      sub: `出席 ${a.present} / 应到 ${a.expected} · 请假 ${a.leave}`,
    },
    {
      label: '学习',
      value: rateOf(study.done - study.late, study.expected),
      sub: `完成 ${study.done} / ${study.expected}${study.late ? ` · 逾期完成 ${study.late}` : ''}`,
    },
    {
      label: '测试',
      value: rateOf(quizzes.passed, quizzes.expected),
      sub: `参加 ${quizzes.taken} / ${quizzes.expected} · 通过 ${quizzes.passed}`,
    },
    {
      label: '通知阅读',
      value: rateOf(notices.read, notices.expected),
      sub: `已读 ${notices.read} / ${notices.expected}`,
    },
  ];
}

function MyStatsBody({ period, memberId }: { period: string; memberId?: string }) {
  const load = useCallback(() => statsApi.mine(period, memberId), [period, memberId]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const s = state.data;
  return (
    <>
      {memberId ? <Text className="st-section-title">{s.name}的记录</Text> : null}
      <Figures figures={myFigures(s)} />
      <Text className="st-section-title">本期的会议</Text>
      <View className="st-card">
        {s.attendance.activities.length === 0 ? (
          <Text className="st-muted">本期没有需要参加的会议</Text>
        ) : (
          s.attendance.activities.map((a) => (
            <View key={a.activityId} className="st-row" onClick={() => openActivity(a.activityId)}>
              <View className="st-row__line">
                <Text className="st-row__title">{a.title}</Text>
                <Badge badge={STATE_BADGES[a.state]} />
              </View>
              <View className="st-row__line">
                <Text className="st-row__meta">{beijingShortDate(a.endAt)}</Text>
                <TypeTag type={a.type} />
              </View>
            </View>
          ))
        )}
        {memberId ? null : (
          <Text className="st-link" onClick={openHistory}>
            全部出勤记录 ›
          </Text>
        )}
      </View>
      <Text className="st-section-title">
        {memberId
          ? '这些记录只有本人和本支部支委能看到，请当面了解情况，不做个人排名。'
          : '这些记录只有你本人和本支部支委能看到，不做个人排名。'}
      </Text>
    </>
  );
}

/**
 * 我的记录: a member's attendance, study, quizzes and reading over a period; their own, or with
 * `memberId` one of the branch's members for its committee.
 */
export function MyStatsView({ memberId }: { memberId?: string }) {
  const [period, setPeriod] = useState(() => currentPeriod('month'));
  return (
    <View className="page">
      <PeriodPicker value={period} onChange={setPeriod} />
      {/* A new period is a new load: keyed, so the figures of the last one never show under its name. */}
      <MyStatsBody key={period} period={period} memberId={memberId} />
    </View>
  );
}
