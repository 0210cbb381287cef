import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { BranchSummary } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, ListFooter, LoadingState, showFailureToast } from '@/ui';
import { findBranch, loadBranchPage, orgApi } from './api';
import { markOrgChanged } from './changes';
import { confirm, toastDone } from './confirm';
import { CheckMark } from './MemberRow';
import './Branch.css';
import './OrgList.css';
import './Select.css';

/** At most this many branches merge at once (the server's limit too). */
export const MAX_MERGE_SOURCES = 10;

/** Toggles `id` in a selection, refusing to grow it past `max`. */
export function toggleSelection(selected: readonly string[], id: string, max: number): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  return selected.length >= max ? [...selected] : [...selected, id];
}

function MergePicker({ target }: { target: BranchSummary }) {
  const list = usePagedList<BranchSummary>((page, pageSize) => loadBranchPage(page, pageSize, false), {
    idOf: (b) => b.branchId,
  });
  useReachBottom(() => void list.loadMore());
  const [selected, setSelected] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const names = new Map(list.items.map((b) => [b.branchId, b.name]));

  const toggle = (id: string) => {
    const next = toggleSelection(selected, id, MAX_MERGE_SOURCES);
    if (next.length === selected.length && !selected.includes(id)) {
      void Taro.showToast({ title: `一次最多合并 ${MAX_MERGE_SOURCES} 个支部`, icon: 'none' });
    }
    setSelected(next);
  };

  const merge = async () => {
    if (selected.length === 0 || saving) return;
    const sure = await confirm({
      title: '确认合并',
      content: `将 ${selected.map((id) => names.get(id) ?? id).join('、')} 并入 ${target.name}。原支部的党员、党小组和学校一并转入，原支部停用，此操作不能撤销。`,
      confirmText: '合并',
      danger: true,
    });
    if (!sure) return;
    setSaving(true);
    const result = await orgApi.mergeBranches({ sourceBranchIds: selected, targetBranchId: target.branchId });
    setSaving(false);
    if (!result.ok) return showFailureToast(result);
    markOrgChanged();
    toastDone(`转入 ${result.data.movedMembers} 人`);
    void Taro.navigateBack();
  };

  const candidates = list.items.filter((b) => b.branchId !== target.branchId);
  return (
    <View className="select-page">
      <View className="select-page__intro">
        <Text className="select-page__title">并入 {target.name}</Text>
        <Text className="select-page__hint">
          选择要并入的支部（如几所小规模学校组成联合党支部），一次最多 {MAX_MERGE_SOURCES} 个。
        </Text>
      </View>
      {list.status === 'loading' ? <LoadingState text="正在读取支部" /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      <View className="org-list">
        {candidates.map((branch) => (
          <View
            key={branch.branchId}
            className="select-row"
            role="checkbox"
            aria-checked={selected.includes(branch.branchId)}
            aria-label={branch.name}
            onClick={() => toggle(branch.branchId)}
          >
            <CheckMark checked={selected.includes(branch.branchId)} />
            <View className="select-row__main">
              <Text className="select-row__name">{branch.name}</Text>
              <Text className="select-row__desc">
                {branch.schools.join('、')} · 党员 {branch.memberCount} 人
              </Text>
            </View>
          </View>
        ))}
      </View>
      <ListFooter list={list} totalText={(n) => `共 ${n} 个支部`} />
      <View className="select-bar">
        <Button disabled={selected.length === 0} loading={saving} onClick={() => void merge()}>
          {selected.length > 0 ? `并入本支部（已选 ${selected.length} 个）` : '请选择要并入的支部'}
        </Button>
      </View>
    </View>
  );
}

/** 合并支部: other branches' members, groups and schools move into this one. */
export function MergeView({ targetBranchId }: { targetBranchId: string }) {
  const load = useCallback(() => findBranch(targetBranchId), [targetBranchId]);
  const { state, reload } = useRemoteData(load);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  return <MergePicker target={state.data} />;
}
