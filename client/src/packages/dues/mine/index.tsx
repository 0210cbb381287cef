import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import emptyImage from '@/assets/empty/activity.png';
import { duesApi } from '@/features/dues/api';
import { beijingNow, monthLabel, STATE_NAMES, yuan } from '@/features/dues/format';
import '@/features/dues/dues.css';
import { SessionGate } from '@/features/member';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Cell, CellGroup, EmptyState, ErrorState, LoadingState, Segmented } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** 我的党费: each month of the year, paid, due or overdue, with what it costs. */
export default function MyDuesPage() {
  const now = beijingNow();
  const [year, setYear] = useState(now.year);
  const load = useCallback(() => duesApi.mine(year), [year]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);
  const changeYear = (key: string) => {
    setYear(Number(key));
    setTimeout(() => void reload(), 0);
  };

  return (
    <SessionGate>
      {() => (
        <View className="page">
          <Segmented
            value={String(year)}
            segments={[now.year, now.year - 1].map((y) => ({ key: String(y), label: `${y}年` }))}
            onChange={changeYear}
          />
          {state.status === 'loading' ? <LoadingState /> : null}
          {state.status === 'error' ? (
            <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />
          ) : null}
          {state.status === 'ready' ? <MonthsView year={year} data={state.data} /> : null}
        </View>
      )}
    </SessionGate>
  );
}

function MonthsView({
  year,
  data,
}: {
  year: number;
  data: {
    months: { month: string; due: number; paid: number; state: keyof typeof STATE_NAMES }[];
    startMonth: string | null;
  };
}) {
  const owed = data.months.filter((m) => m.state !== 'none');
  if (owed.length === 0) {
    return (
      <EmptyState
        image={emptyImage}
        title={`${year}年暂无党费记录`}
        description="支部设置党费基数后，在这里查看每月应缴、已缴"
      />
    );
  }
  const paid = data.months.filter((m) => m.state === 'paid').reduce((a, m) => a + m.paid, 0);
  const overdue = data.months.filter((m) => m.state === 'overdue');
  return (
    <>
      <View className="dues-head">
        <Text className="dues-head__title">已缴 {yuan(paid)} 元</Text>
        <Text className="dues-head__meta">
          {overdue.length > 0
            ? `欠缴 ${overdue.length} 个月，共 ${yuan(overdue.reduce((a, m) => a + m.due, 0))} 元，请联系支部缴纳`
            : '没有欠缴的月份'}
        </Text>
      </View>
      <CellGroup title={`${year}年各月`}>
        {data.months.map((m) => (
          <Cell
            key={m.month}
            label={monthLabel(m.month)}
            value={
              <View>
                <Text>{m.state === 'paid' ? `${yuan(m.paid)} 元 ` : m.due > 0 ? `${yuan(m.due)} 元 ` : ''}</Text>
                <Text className={`dues-state dues-state--${m.state}`}>{STATE_NAMES[m.state]}</Text>
              </View>
            }
          />
        ))}
      </CellGroup>
    </>
  );
}
