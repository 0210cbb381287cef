import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import emptyImage from '@/assets/empty/activity.png';
import { duesApi } from '@/features/dues/api';
import { beijingNow, monthLabel, yuan } from '@/features/dues/format';
import '@/features/dues/dues.css';
import { canManage, SessionGate } from '@/features/member';
import { confirm, toastDone } from '@/features/org';
import { useRemoteData } from '@/hooks/useRemoteData';
import {
  Button,
  Cell,
  CellGroup,
  EmptyState,
  ErrorState,
  FormInput,
  LoadingState,
  Segmented,
  showFailureToast,
} from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

function recentQuarters(): string[] {
  const { quarter } = beijingNow();
  const out = [quarter];
  let [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  for (let i = 0; i < 3; i++) {
    q -= 1;
    if (q === 0) [y, q] = [y - 1, 4];
    out.push(`${y}-Q${q}`);
  }
  return out;
}

const quarterLabel = (q: string) => `${q.slice(0, 4)}年第${'一二三四'[Number(q.slice(6)) - 1]}季度`;

/** A tab's label: 三季度 this year, 去年四季度 the year before (four tabs fit a phone's width). */
const quarterTab = (q: string, thisYear: string) =>
  `${q.startsWith(thisYear) ? '' : '去年'}${'一二三四'[Number(q.slice(6)) - 1]}季度`;

/** 党费收缴公示: the branch's frozen board for a quarter; the committee publishes it and corrects it. */
export default function DuesBoardPage() {
  return <SessionGate>{(member) => <DuesBoardView manager={canManage(member.roles)} />}</SessionGate>;
}

function DuesBoardView({ manager }: { manager: boolean }) {
  const quarters = recentQuarters();
  // A board is published once its quarter is over: open on the last quarter that has ended.
  const [quarter, setQuarter] = useState(quarters[1]!);
  const load = useCallback(() => duesApi.board(quarter), [quarter]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const published = state.status === 'ready';
  const publish = async () => {
    if (published && reason.trim().length < 2)
      return showFailureToast({ ok: false, code: 'INVALID_ARGUMENT', message: '更正须填写更正原因' });
    const ok = await confirm({
      title: published ? '发布更正' : '发布公示',
      content: `${quarterLabel(quarter)}的党费收缴情况将向本支部党员公示，发布后不能修改${published ? '（本次为更正，原公示保留）' : ''}。`,
      confirmText: '发布',
    });
    if (!ok) return;
    setBusy(true);
    const result = await duesApi.publish(quarter, published ? reason.trim() : undefined);
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    toastDone(result.data.version > 1 ? `已发布第 ${result.data.version} 版` : '已发布');
    setReason('');
    void reload();
  };
  const change = (q: string) => {
    setQuarter(q);
    setTimeout(() => void reload(), 0);
  };

  return (
    <View className="page">
      <Segmented
        value={quarter}
        segments={quarters.map((q) => ({ key: q, label: quarterTab(q, quarters[0]!.slice(0, 4)) }))}
        onChange={change}
      />
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' && state.code !== 'NOT_FOUND' ? (
        <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />
      ) : null}
      {state.status === 'error' && state.code === 'NOT_FOUND' ? (
        <EmptyState
          image={emptyImage}
          title={`${quarterLabel(quarter)}尚未公示`}
          description="支部发布后，在这里查看每位党员的缴纳情况"
        />
      ) : null}
      {state.status === 'ready' ? (
        <>
          <View className="dues-head">
            <Text className="dues-head__title">{state.data.branchName}党费收缴公示</Text>
            <Text className="dues-head__meta">
              {quarterLabel(state.data.quarter)} · 第 {state.data.version} 版 · {state.data.publishedByName}发布于{' '}
              {state.data.publishedAt.slice(0, 10)} · 合计 {yuan(state.data.total)} 元
            </Text>
            {state.data.reason ? <Text className="dues-head__meta">更正原因：{state.data.reason}</Text> : null}
          </View>
          <CellGroup title={`共 ${state.data.rows.length} 人`}>
            {state.data.rows.map((r) => (
              <Cell
                key={r.memberId}
                label={r.name}
                value={
                  r.months.length > 0 ? `${r.months.map(monthLabel).join('、')} · ${yuan(r.amount)} 元` : '本季度未缴'
                }
              />
            ))}
          </CellGroup>
        </>
      ) : null}
      {manager && (state.status === 'ready' || (state.status === 'error' && state.code === 'NOT_FOUND')) ? (
        <CellGroup title={published ? '更正公示' : '发布公示'}>
          {published ? (
            <FormInput
              label="更正原因"
              value={reason}
              onChange={setReason}
              placeholder="如：补登三月党费"
              maxlength={200}
            />
          ) : null}
          <View className="dues-actions">
            <Button kind={published ? 'secondary' : 'primary'} loading={busy} onClick={() => void publish()}>
              {published ? '发布更正' : `发布${quarterLabel(quarter)}公示`}
            </Button>
          </View>
        </CellGroup>
      ) : null}
    </View>
  );
}
