import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useListPage } from '@/hooks/useListPage';
import type { BranchSummary } from '@zhibu/types';
import { useState } from 'react';
import { orgPages } from '@/features/member';
import { usePagedList } from '@/hooks/usePagedList';
import { Button, ErrorState, ListFooter, LoadingState } from '@/ui';
import { knownBranch, loadBranchPage } from './api';
import { useReloadAfterOrgChanges } from './changes';
import { ToggleChip } from './FilterChip';
import { BRANCH_KIND_LABELS } from './labels';
import './Branch.css';
import './OrgList.css';

const open = (url: string) => void Taro.navigateTo({ url });

export function BranchCard({ branch, onClick }: { branch: BranchSummary; onClick?: () => void }) {
  const unbound = branch.memberCount - branch.boundCount;
  const mergedInto = branch.mergedInto ? knownBranch(branch.mergedInto)?.name : undefined;
  return (
    <View
      className={`branch-card${branch.active ? '' : ' branch-card--inactive'}`}
      hoverClass={onClick ? 'branch-card--hover' : 'none'}
      aria-label={branch.name}
      onClick={onClick}
    >
      <View className="branch-card__title">
        <Text className="branch-card__name">{branch.name}</Text>
        <Text className="branch-kind">{branch.active ? BRANCH_KIND_LABELS[branch.kind] : '已合并'}</Text>
      </View>
      <Text className="branch-card__schools">{branch.schools.join('、')}</Text>
      {branch.active ? (
        <>
          <View className="branch-card__figures">
            <Text className="branch-card__figure">
              党员 <Text className="branch-card__number">{branch.memberCount}</Text> 人
            </Text>
            <Text className="branch-card__figure">
              已绑定 <Text className="branch-card__number">{branch.boundCount}</Text> 人
            </Text>
            {unbound > 0 ? <Text className="branch-card__figure branch-card__warn">{unbound} 人未绑定</Text> : null}
          </View>
          <Text className="branch-card__secretary">
            书记：{branch.secretaryNames.length > 0 ? branch.secretaryNames.join('、') : '暂缺'}
          </Text>
        </>
      ) : (
        <Text className="branch-card__merged">{mergedInto ? `已并入 ${mergedInto}` : '已合并或撤销'}</Text>
      )}
    </View>
  );
}

/** 支部管理: every branch of the bureau with its head counts, a page at a time. */
export function BranchList() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const list = usePagedList<BranchSummary>((page, pageSize) => loadBranchPage(page, pageSize, includeInactive), {
    key: String(includeInactive),
    idOf: (branch) => branch.branchId,
  });
  useListPage(list);
  useReloadAfterOrgChanges(list.reload);

  return (
    <View className="branch-list">
      <View className="org-toolbar">
        <Button onClick={() => open(orgPages.branchEdit())}>新建支部</Button>
        <Button kind="secondary" onClick={() => open(orgPages.rosterIo({ all: '1' }))}>
          导出全部名册
        </Button>
      </View>
      <View className="org-filters branch-list__filters">
        <Text className="branch-list__count">
          {list.status === 'ready' ? `共 ${list.total} 个${includeInactive ? '' : '在用'}支部` : ''}
        </Text>
        <ToggleChip label="显示已合并" on={includeInactive} onChange={setIncludeInactive} />
      </View>
      {list.status === 'loading' ? <LoadingState text="正在读取支部" /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.items.map((branch) => (
        <BranchCard key={branch.branchId} branch={branch} onClick={() => open(orgPages.branch(branch.branchId))} />
      ))}
      <ListFooter list={list} totalText={(n) => `共 ${n} 个支部`} />
    </View>
  );
}
