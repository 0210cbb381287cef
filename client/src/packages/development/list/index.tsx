import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEVELOPMENT_STAGES, type CandidateItem, type DevelopmentStage } from '@zhibu/types';
import { useCallback, useState } from 'react';
import emptyImage from '@/assets/empty/activity.png';
import { developmentApi } from '@/features/development/api';
import { dueText, STAGE_TABS } from '@/features/development/format';
import { StartForm } from '@/features/development/manage/StartForm';
import { developmentPages } from '@/features/development/routes';
import '@/features/development/manage/manage.css';
import { useListPage } from '@/hooks/useListPage';
import { usePagedList } from '@/hooks/usePagedList';
import { Button, Cell, CellGroup, EmptyState, ErrorState, ListFooter, LoadingState, Segmented } from '@/ui';

const idOf = (item: CandidateItem) => item.candidateId;
const open = (candidateId: string) => void Taro.navigateTo({ url: developmentPages.timeline(candidateId) });

/** The branch's candidates by stage, each with the step that is next and when it is due; 开始发展程序. */
export default function DevelopmentListPage() {
  const [stage, setStage] = useState<DevelopmentStage>('入党积极分子');
  const [starting, setStarting] = useState(false);
  const load = useCallback((page: number, size: number) => developmentApi.list(page, size, stage), [stage]);
  const list = usePagedList(load, { key: stage, idOf });
  useListPage(list);

  return (
    <View className="page">
      <View className="dev-stages">
        <Segmented
          value={stage}
          segments={DEVELOPMENT_STAGES.map((s) => ({ key: s, label: STAGE_TABS[s] }))}
          onChange={setStage}
        />
      </View>
      {starting ? (
        <StartForm
          onCancel={() => setStarting(false)}
          onStarted={(candidateId) => {
            setStarting(false);
            void list.reload();
            open(candidateId);
          }}
        />
      ) : list.status === 'error' ? null : (
        <View className="form-actions">
          <Button kind="secondary" onClick={() => setStarting(true)}>
            开始发展程序
          </Button>
        </View>
      )}
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState image={emptyImage} title={`暂无${stage}`} description="开始发展程序后，在这里按阶段列出" />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <CellGroup title={`${stage} ${list.total} 人`}>
          {list.items.map((item) => (
            <Cell
              key={item.candidateId}
              label={item.name}
              value={
                item.next ? (
                  <View className="dev-entry">
                    <Text>{item.next.label}</Text>
                    <Text className={item.next.overdue ? 'dev-due dev-due--overdue' : 'dev-due'}>
                      {dueText(item.next)}
                    </Text>
                  </View>
                ) : (
                  '已完成'
                )
              }
              onClick={() => open(item.candidateId)}
            />
          ))}
        </CellGroup>
      ) : null}
      <ListFooter list={list} totalText={(n) => `共 ${n} 人`} />
    </View>
  );
}
