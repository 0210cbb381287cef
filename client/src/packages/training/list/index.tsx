import { Text, View } from '@tarojs/components';
import type { SecretaryRow, TrainingSummary } from '@zhibu/types';
import { useCallback, useState } from 'react';
import emptyImage from '@/assets/empty/activity.png';
import { trainingApi } from '@/features/training/api';
import { countText, dateRange } from '@/features/training/format';
import { openTrainingPage, trainingPages } from '@/features/training/routes';
import '@/features/training/training.css';
import { useListPage } from '@/hooks/useListPage';
import { usePagedList } from '@/hooks/usePagedList';
import { Button, Cell, CellGroup, EmptyState, ErrorState, ListFooter, LoadingState, Segmented } from '@/ui';

type Tab = 'trainings' | 'secretaries';

/** The bureau's training register: the trainings recorded, and each branch secretary against the rule. */
export default function TrainingListPage() {
  const [tab, setTab] = useState<Tab>('trainings');
  return (
    <View className="page">
      <Segmented
        value={tab}
        segments={[
          { key: 'trainings', label: '培训记录' },
          { key: 'secretaries', label: '书记培训情况' },
        ]}
        onChange={setTab}
      />
      {tab === 'trainings' ? <Trainings /> : <Secretaries />}
    </View>
  );
}

function Trainings() {
  const load = useCallback((page: number, size: number) => trainingApi.list(page, size), []);
  const list = usePagedList(load, { key: 'trainings', idOf: (t: TrainingSummary) => t.trainingId });
  useListPage(list);
  return (
    <>
      <View className="form-actions">
        <Button onClick={() => openTrainingPage(trainingPages.create())}>登记培训</Button>
      </View>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState image={emptyImage} title="还没有培训记录" description="登记培训后，在这里列出" />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <CellGroup title={`培训 ${list.total} 次`}>
          {list.items.map((t) => (
            <Cell
              key={t.trainingId}
              label={t.title}
              description={`${dateRange(t.startDate, t.endDate)} · ${t.attendees} 人${t.activityId ? ' · 扫码签到' : ''}`}
              onClick={() => openTrainingPage(trainingPages.detail(t.trainingId))}
            />
          ))}
        </CellGroup>
      ) : null}
      <ListFooter list={list} totalText={(n) => `共 ${n} 次`} />
    </>
  );
}

function Secretaries() {
  const [rule, setRule] = useState<number | null>(null);
  const load = useCallback(async (page: number, size: number) => {
    const result = await trainingApi.overview(page, size);
    if (result.ok) setRule(result.data.minPerTerm);
    return result;
  }, []);
  const list = usePagedList(load, { key: 'secretaries', idOf: (r: SecretaryRow) => r.branchId });
  useListPage(list);
  return (
    <>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' ? (
        <CellGroup title={`每届任期至少培训 ${rule ?? 2} 次`}>
          {list.items.map((r) => (
            <Cell
              key={r.branchId}
              label={r.branchName}
              description={
                r.item ? (
                  <>
                    <Text>书记 {r.item.secretaryName} · </Text>
                    <Text className={`training-status training-status--${r.item.status}`}>{countText(r.item)}</Text>
                  </>
                ) : (
                  <Text className="training-status">未登记任期</Text>
                )
              }
              onClick={() => openTrainingPage(trainingPages.terms(r.branchId))}
            />
          ))}
        </CellGroup>
      ) : null}
      <ListFooter list={list} totalText={(n) => `共 ${n} 个支部`} />
    </>
  );
}
