import { Text, View } from '@tarojs/components';
import type { MyTraining, TrainingSummary } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { trainingApi } from '@/features/training/api';
import { dateRange, STATUS_TEXT, termText } from '@/features/training/format';
import '@/features/training/training.css';
import { useListPage } from '@/hooks/useListPage';
import { usePagedList } from '@/hooks/usePagedList';
import { Cell, CellGroup, ErrorState, ListFooter, LoadingState } from '@/ui';

/** 我的培训: the count in the current term against the rule, and the trainings attended. */
export default function MyTrainingPage() {
  const [term, setTerm] = useState<MyTraining['term'] | undefined>(undefined);
  const load = useCallback(async (page: number, size: number) => {
    const result = await trainingApi.mine(page, size);
    if (result.ok) setTerm(result.data.term);
    return result;
  }, []);
  const list = usePagedList(load, { key: 'mine', idOf: (t: TrainingSummary) => t.trainingId });
  useListPage(list);

  return (
    <View className="page">
      {term ? (
        <View className="training-count">
          <Text className="training-count__line">本届任期（{termText(term)}）</Text>
          <Text className="training-count__big">已培训 {term.trained} 次</Text>
          <Text className={`training-status training-status--${term.status}`}>
            {STATUS_TEXT[term.status]}
            {term.status === 'due' ? `，还需 ${term.needed} 次` : ''}（{term.rule}）
          </Text>
        </View>
      ) : term === null ? (
        <View className="training-count">
          <Text className="training-count__line">尚未登记您的支部书记任期，培训记录如下</Text>
        </View>
      ) : null}
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' ? (
        <CellGroup title="参加过的培训">
          {list.items.length === 0 ? <Cell label="暂无培训记录" /> : null}
          {list.items.map((t) => (
            <Cell
              key={t.trainingId}
              label={t.title}
              description={`${dateRange(t.startDate, t.endDate)} · ${t.hours} 学时 · ${t.organiser}`}
            />
          ))}
        </CellGroup>
      ) : null}
      <ListFooter list={list} totalText={(n) => `共 ${n} 次`} />
    </View>
  );
}
