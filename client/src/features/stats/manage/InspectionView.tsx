import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { InspectionRow } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, LoadingState } from '@/ui';
import './manage.css';
import { statsApi } from '../api';
import { beijingShortDate } from '../format';
import { PeriodPicker } from '../PeriodPicker';
import { currentPeriod, isPeriod, kindOf } from '../period';
import { usePullToReload } from '@/hooks/usePullToReload';

const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;

/** Reads the points typed: a whole or half number between -100 and 100, not 0; null if it is not one. */
export function parsePoints(text: string): number | null {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isFinite(n) || n === 0 || Math.abs(n) > 100) return null;
  return Math.round(n * 2) / 2;
}

function AdjustForm({ period, row, onDone }: { period: string; row: InspectionRow; onDone: () => void }) {
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const value = parsePoints(points);
    if (value === null) return setError('请填写加减的分值，如 2 或 -3（不能为 0，不超过 100）');
    if (reason.trim().length < 2) return setError('请写明调整理由');
    setBusy(true);
    const result = await statsApi.adjust({ period, branchId: row.branchId, points: value, reason: reason.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    void Taro.showToast({ title: '已记录调整', icon: 'success' });
    onDone();
  };
  return (
    <View className="st-form">
      <Input
        className="st-input"
        type="text"
        placeholder="加减分，如 2 或 -3"
        aria-label="调整分值"
        value={points}
        onInput={(e) => {
          setPoints(e.detail.value);
          setError('');
        }}
      />
      <Textarea
        className="st-input"
        style={{ height: '72px', paddingTop: '8px' }}
        placeholder="调整理由（会记入操作记录）"
        aria-label="调整理由"
        maxlength={200}
        value={reason}
        onInput={(e) => {
          setReason(e.detail.value);
          setError('');
        }}
      />
      {error ? <Text className="st-error">{error}</Text> : null}
      <Button loading={busy} onClick={() => void submit()}>
        保存调整
      </Button>
    </View>
  );
}

function Row({ period, row, onChanged }: { period: string; row: InspectionRow; onChanged: () => void }) {
  const [adjusting, setAdjusting] = useState(false);
  return (
    <View className="st-card" aria-label={`第${row.rank}名 ${row.branchName}`}>
      <View className="st-rank">
        <Text className={`st-rank__no${row.rank <= 3 ? ' st-rank__no--top' : ''}`}>{row.rank}</Text>
        <Text className="st-rank__name">{row.branchName}</Text>
        <Text className="st-rank__score">{row.score}</Text>
      </View>
      <Text className="st-muted">
        计算得分 {row.computed}
        {row.adjustment ? ` · 调整 ${signed(row.adjustment)}` : ''}
      </Text>
      <View className="st-score-items">
        {row.items.map((item) => (
          <View key={item.key} className="st-score-item">
            <Text>{item.name}</Text>
            <Text className="st-score-item__detail">{item.detail}</Text>
            <Text>
              {item.score}/{item.points}
            </Text>
          </View>
        ))}
      </View>
      {row.adjustments.map((a, i) => (
        <Text key={i} className="st-adjust">
          {signed(a.points)} 分：{a.reason}（{a.byName}，{beijingShortDate(a.at)}）
        </Text>
      ))}
      {adjusting ? (
        <AdjustForm
          period={period}
          row={row}
          onDone={() => {
            setAdjusting(false);
            onChanged();
          }}
        />
      ) : (
        <Text className="st-link" onClick={() => setAdjusting(true)}>
          加减分 ›
        </Text>
      )}
    </View>
  );
}

function InspectionBody({ period }: { period: string }) {
  const load = useCallback(() => statsApi.inspection(period), [period]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  if (state.data.branches.length === 0) return <Text className="st-section-title">还没有支部</Text>;
  return (
    <>
      <Text className="st-section-title">按已记录的会议、出勤、学习、测试和通知计算，无需另报台账</Text>
      {state.data.branches.map((row) => (
        <Row key={row.branchId} period={period} row={row} onChanged={() => void reload()} />
      ))}
    </>
  );
}

/** 考评 of the branches for a half-year or a year: ranked, each item's score, and the admins' adjustments. */
export function InspectionView({ initialPeriod }: { initialPeriod?: string }) {
  const [period, setPeriod] = useState(() =>
    isPeriod(initialPeriod) && ['half', 'year'].includes(kindOf(initialPeriod)) ? initialPeriod : currentPeriod('half'),
  );
  return (
    <View className="page">
      <PeriodPicker value={period} onChange={setPeriod} kinds={['half', 'year']} />
      <InspectionBody key={period} period={period} />
    </View>
  );
}
