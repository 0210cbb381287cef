import { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { QuizStats } from '@zhibu/types';
import { useCallback } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { useRemoteData } from '@/hooks/useRemoteData';
import { ErrorState, ListFooter, LoadingState } from '@/ui';
import { quizApi } from '../api';
import { TYPE_LABELS } from '../labels';
import './manage.css';
import { usePullToReload } from '@/hooks/usePullToReload';

const percent = (x: number) => `${Math.round(x * 100)}%`;
const BIN_LABELS = ['0', '10', '20', '30', '40', '50', '60', '70', '80', '90'];

/** The score distribution as plain bars: counts of members per ten points, no names. */
export function Histogram({ bins }: { bins: number[] }) {
  const max = Math.max(1, ...bins);
  return (
    <View aria-label="成绩分布">
      <View className="qm-histogram">
        {bins.map((n, i) => (
          <View key={i} className="qm-histogram__col" aria-label={`${BIN_LABELS[i]}分段 ${n} 人`}>
            <Text className="qm-histogram__count">{n || ''}</Text>
            <View className="qm-histogram__bar" style={{ height: `${(n / max) * 100}%` }} />
          </View>
        ))}
      </View>
      <View className="qm-histogram__axis">
        {BIN_LABELS.map((l) => (
          <Text key={l} className="qm-histogram__label">
            {l}
          </Text>
        ))}
      </View>
    </View>
  );
}

function Figures({ s }: { s: QuizStats }) {
  const items: [string, string][] = [
    ['应考', String(s.expected)],
    ['已考', String(s.taken)],
    ['通过', String(s.passed)],
    ['通过率', percent(s.passRate)],
    ['平均分', s.average === null ? '—' : String(s.average)],
  ];
  return (
    <View className="qm-figures">
      {items.map(([label, value]) => (
        <View key={label} className="qm-figure">
          <Text className="qm-figure__number">{value}</Text>
          <Text className="qm-figure__label">{label}</Text>
        </View>
      ))}
    </View>
  );
}

const ROSTER_STATE: Record<string, string> = {
  not_started: '未参加',
  in_progress: '作答中',
  passed: '通过',
  failed: '未通过',
};
type RosterItem = { memberId: string; name: string; state: string; attemptsUsed: number };

/** Who has done it, in roster order: status and pass or fail only — no scores, no ranking. */
function Roster({ quizId }: { quizId: string }) {
  const list = usePagedList<RosterItem>((page, size) => quizApi.roster(quizId, page, size), {
    idOf: (r) => r.memberId,
    key: quizId,
    pageSize: 50,
  });
  useReachBottom(() => void list.loadMore());
  return (
    <View>
      <Text className="qm-section-title">本支部参考情况</Text>
      {list.items.map((r) => (
        <View key={r.memberId} className="qm-item">
          <Text className="qm-item__stem">
            {r.name} · {ROSTER_STATE[r.state]}
            {r.attemptsUsed ? `（作答 ${r.attemptsUsed} 次）` : ''}
          </Text>
        </View>
      ))}
      <ListFooter list={list} totalText={(n) => `共 ${n} 人`} />
    </View>
  );
}

/** 测试统计: 应考 / 已考 / 通过, the distribution, branches side by side (bureau), and item analysis. */
export function StatsView({ quizId }: { quizId: string }) {
  const load = useCallback(() => quizApi.stats(quizId), [quizId]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const s = state.data;
  return (
    <View>
      <View className="qm-card">
        <Text className="qm-row__title">{s.title}</Text>
        <Text className="qm-card__line">共 {s.attempts} 份答卷</Text>
      </View>
      <Figures s={s} />
      <Text className="qm-section-title">成绩分布（人数）</Text>
      <Histogram bins={s.histogram} />
      {s.branches.length > 1 ? (
        <>
          <Text className="qm-section-title">各支部（只比较支部，不排名个人）</Text>
          {s.branches.map((b) => (
            <View key={b.branchId} className="qm-item">
              <Text className="qm-item__stem">{b.name}</Text>
              <Text className="qm-item__meta">
                应考 {b.expected} · 已考 {b.taken} · 通过率 {percent(b.passRate)} · 平均分 {b.average ?? '—'}
              </Text>
            </View>
          ))}
        </>
      ) : null}
      <Text className="qm-section-title">试题分析（答对率、区分度）</Text>
      {s.questions.length === 0 ? <Text className="qm-card__line">还没有答卷。</Text> : null}
      {s.questions.map((q) => (
        <View key={q.questionId} className={`qm-item${q.dubious ? ' qm-item--dubious' : ''}`} aria-label="试题">
          <Text className="qm-item__stem">
            [{TYPE_LABELS[q.type]}] {q.stem}
          </Text>
          <View className="qm-item__bar">
            <View className="qm-item__fill" style={{ width: percent(q.facility) }} />
          </View>
          <Text className="qm-item__meta">
            答对率 {percent(q.facility)} · 区分度 {q.discrimination === null ? '—' : q.discrimination.toFixed(2)} · 作答{' '}
            {q.responses} 次{q.commonWrong ? ` · 最常选错：${q.commonWrong}（${q.commonWrongCount} 次）` : ''}
          </Text>
          {q.dubiousReason ? <Text className="qm-item__flag">存疑：{q.dubiousReason}</Text> : null}
        </View>
      ))}
      <Roster quizId={quizId} />
    </View>
  );
}
