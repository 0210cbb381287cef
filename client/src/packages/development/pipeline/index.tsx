import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEVELOPMENT_STAGES } from '@zhibu/types';
import emptyImage from '@/assets/empty/activity.png';
import { developmentApi } from '@/features/development/api';
import { STAGE_TABS } from '@/features/development/format';
import { developmentPages } from '@/features/development/routes';
import '@/features/development/manage/manage.css';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Cell, CellGroup, EmptyState, ErrorState, LoadingState } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** Stages as the table's narrow columns name them. */
const COLUMNS: Record<(typeof DEVELOPMENT_STAGES)[number], string> = {
  申请入党: '申请',
  入党积极分子: '积极',
  发展对象: '对象',
  预备党员: '预备',
  正式党员: '转正',
};

/** The bureau's view of 发展党员: how many at each stage in each branch, and the steps overdue. */
export default function DevelopmentPipelinePage() {
  const { state, reload } = useRemoteData(developmentApi.pipeline);
  usePullToReload(reload);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  }
  const { branches, overdue } = state.data;
  if (branches.length === 0) {
    return (
      <View className="page">
        <EmptyState image={emptyImage} title="暂无发展对象" description="各支部开始发展程序后，在这里按阶段汇总" />
      </View>
    );
  }
  const names = new Map(branches.map((b) => [b.branchId, b.branchName]));
  const totals = DEVELOPMENT_STAGES.map((s) => branches.reduce((n, b) => n + (b.counts[s] ?? 0), 0));
  return (
    <View className="page">
      <CellGroup title={`各支部人数（${STAGE_TABS.申请入党}→${STAGE_TABS.正式党员}）`}>
        <View className="dev-table">
          <View className="dev-table__row dev-table__row--head">
            <Text className="dev-table__branch">支部</Text>
            {DEVELOPMENT_STAGES.map((s) => (
              <Text key={s} className="dev-table__num">
                {COLUMNS[s]}
              </Text>
            ))}
            <Text className="dev-table__num">逾期</Text>
          </View>
          {branches.map((b) => (
            <View key={b.branchId} className="dev-table__row">
              <Text className="dev-table__branch">{b.branchName.replace(/党(总)?支部$/, '') || '（未命名支部）'}</Text>
              {DEVELOPMENT_STAGES.map((s) => (
                <Text key={s} className="dev-table__num">
                  {b.counts[s] ?? 0}
                </Text>
              ))}
              <Text className={b.overdue > 0 ? 'dev-table__num dev-table__num--overdue' : 'dev-table__num'}>
                {b.overdue}
              </Text>
            </View>
          ))}
          <View className="dev-table__row">
            <Text className="dev-table__branch">合计</Text>
            {totals.map((n, i) => (
              <Text key={DEVELOPMENT_STAGES[i]} className="dev-table__num">
                {n}
              </Text>
            ))}
            <Text className="dev-table__num">{overdue.length}</Text>
          </View>
        </View>
      </CellGroup>
      <CellGroup title={`逾期步骤 ${overdue.length} 项`}>
        {overdue.length === 0 ? <Cell label="没有逾期的步骤" /> : null}
        {overdue.map((item) => (
          <Cell
            key={`${item.candidateId}-${item.step}`}
            label={
              <View className="dev-entry">
                <Text>{`${item.name} · ${item.label}`}</Text>
                <Text className="dev-entry__note">{names.get(item.branchId) ?? ''}</Text>
              </View>
            }
            value={<Text className="dev-due dev-due--overdue">{`${item.dueBy} 前`}</Text>}
            onClick={() => void Taro.navigateTo({ url: developmentPages.timeline(item.candidateId) })}
          />
        ))}
      </CellGroup>
    </View>
  );
}
