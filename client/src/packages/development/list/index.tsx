import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { DEVELOPMENT_STAGES } from '@zhibu/types';
import { useState } from 'react';
import emptyImage from '@/assets/empty/activity.png';
import { developmentApi } from '@/features/development/api';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Cell, CellGroup, EmptyState, ErrorState, LoadingState, Segmented } from '@/ui';

type Stage = (typeof DEVELOPMENT_STAGES)[number];

/** The branch's candidates by stage, each with the step that is next and when it is due. */
export default function DevelopmentListPage() {
  const [stage, setStage] = useState<Stage>('入党积极分子');
  const { state, reload } = useRemoteData(() => developmentApi.list(1, 50, stage));
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  const choose = (next: Stage) => {
    setStage(next);
    setTimeout(() => void reload(), 0);
  };
  return (
    <View className="page">
      <Segmented value={stage} segments={DEVELOPMENT_STAGES.map((s) => ({ key: s, label: s }))} onChange={choose} />
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />
      ) : null}
      {state.status === 'ready' && state.data.items.length === 0 ? (
        <EmptyState image={emptyImage} title={`暂无${stage}`} description="开始发展程序后在这里按阶段列出" />
      ) : null}
      {state.status === 'ready' && state.data.items.length > 0 ? (
        <CellGroup title={`${stage} ${state.data.total} 人`}>
          {state.data.items.map((item) => (
            <Cell
              key={item.candidateId}
              label={item.name}
              value={
                item.next
                  ? `${item.next.label}${item.next.dueBy ? ` · ${item.next.overdue ? '已逾期 ' : ''}${item.next.dueBy} 前` : item.next.earliest ? ` · ${item.next.earliest} 起` : ''}`
                  : '已完成'
              }
              onClick={() =>
                void Taro.navigateTo({ url: `/packages/development/timeline/index?id=${item.candidateId}` })
              }
            />
          ))}
        </CellGroup>
      ) : null}
    </View>
  );
}
