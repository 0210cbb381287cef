import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import type { BranchSummary, MemberListItem } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { orgPages } from '@/features/member';
import { usePagedList } from '@/hooks/usePagedList';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, FormProblem, ListFooter, LoadingState } from '@/ui';
import { findBranch, orgApi } from './api';
import { BranchFields } from './BranchForm';
import { branchFormProblem, branchInput, EMPTY_BRANCH_FORM, type BranchFormValues } from './branchForm';
import { markOrgChanged } from './changes';
import { confirm, toastDone } from './confirm';
import { toggleSelection } from './MergeView';
import { CheckMark, memberSummary } from './MemberRow';
import { SearchBar } from './SearchBar';
import { useSubmit } from '@/hooks/useSubmit';
import './OrgList.css';
import './Select.css';

/** The server moves at most this many members in one split. */
const MAX_SPLIT_MEMBERS = 500;

function SplitForm({ source }: { source: BranchSummary }) {
  const [values, setValues] = useState<BranchFormValues>(EMPTY_BRANCH_FORM);
  const [keyword, setKeyword] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const { problem, saving, submit, clearProblem } = useSubmit();
  const list = usePagedList<MemberListItem>(
    (page, pageSize) =>
      orgApi.listMembers({ branchId: source.branchId, keyword: keyword || undefined, page, pageSize }),
    { key: keyword, pageSize: 30, idOf: (m) => m.memberId },
  );
  useReachBottom(() => void list.loadMore());

  const split = async () => {
    const localProblem = branchFormProblem(values) ?? (selected.length === 0 ? '请至少选择一名党员' : null);
    const done = await submit(
      localProblem,
      () => orgApi.splitBranch({ branchId: source.branchId, newBranch: branchInput(values), memberIds: selected }),
      () =>
        confirm({
          title: '确认拆分',
          content: `从 ${source.name} 选出 ${selected.length} 名党员成立 ${values.name.trim()}。转出的党员不再属于原党小组，此操作不能撤销。`,
          confirmText: '拆分',
          danger: true,
        }),
    );
    if (!done) return;
    markOrgChanged();
    toastDone(`转入 ${done.movedMembers} 人`);
    void Taro.redirectTo({ url: orgPages.branch(done.branchId) });
  };

  return (
    <View className="select-page">
      <View className="select-page__intro">
        <Text className="select-page__title">拆分 {source.name}</Text>
        <Text className="select-page__hint">填写新支部的信息，再选出转入新支部的党员。</Text>
      </View>
      <BranchFields
        title="新支部"
        values={values}
        onChange={(next) => {
          setValues(next);
          clearProblem();
        }}
      />
      <Text className="org-section-title">选择转入新支部的党员（已选 {selected.length} 人）</Text>
      <SearchBar placeholder="搜索姓名" onSearch={setKeyword} />
      {list.status === 'loading' ? <LoadingState text="正在读取名册" /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      <View className="org-list">
        {list.items.map((member) => {
          const checked = selected.includes(member.memberId);
          return (
            <View
              key={member.memberId}
              className="select-row"
              role="checkbox"
              aria-checked={checked}
              aria-label={member.name}
              onClick={() => {
                setSelected(toggleSelection(selected, member.memberId, MAX_SPLIT_MEMBERS));
                clearProblem();
              }}
            >
              <CheckMark checked={checked} />
              <View className="select-row__main">
                <Text className="select-row__name">{member.name}</Text>
                <Text className="select-row__desc">{memberSummary(member)}</Text>
              </View>
            </View>
          );
        })}
      </View>
      <ListFooter list={list} totalText={(n) => `共 ${n} 人`} />
      <FormProblem problem={problem} />
      <View className="select-bar">
        <Button loading={saving} onClick={() => void split()}>
          {selected.length > 0 ? `成立新支部（转入 ${selected.length} 人）` : '成立新支部'}
        </Button>
      </View>
    </View>
  );
}

/** 拆分支部: some members of a branch form a new one. */
export function SplitView({ branchId }: { branchId: string }) {
  const load = useCallback(() => findBranch(branchId), [branchId]);
  const { state, reload } = useRemoteData(load);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  return <SplitForm source={state.data} />;
}
