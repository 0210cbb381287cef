import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BranchSummary } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, FormActions, FormGroup, FormInput, FormProblem, LoadingState } from '@/ui';
import { findBranch, orgApi, rememberBranches } from './api';
import { newGroupId, partyGroupsProblem, type PartyGroup } from './branchForm';
import { markOrgChanged } from './changes';
import { toastDone } from './confirm';
import { useSubmit } from '@/hooks/useSubmit';

function Editor({ branch }: { branch: BranchSummary }) {
  const [groups, setGroups] = useState<PartyGroup[]>(branch.partyGroups);
  const { problem, saving, submit, clearProblem } = useSubmit();
  const edit = (next: PartyGroup[]) => {
    setGroups(next);
    clearProblem();
  };

  const save = async () => {
    const trimmed = groups.map((g) => ({ id: g.id, name: g.name.trim() }));
    const saved = await submit(partyGroupsProblem(trimmed), () =>
      orgApi.setPartyGroups({ branchId: branch.branchId, partyGroups: trimmed }),
    );
    if (!saved) return;
    rememberBranches([saved]);
    markOrgChanged();
    toastDone('已保存');
    void Taro.navigateBack();
  };

  return (
    <View>
      <FormGroup
        title={`${branch.name} 的党小组`}
        footer="改名不影响组内党员；删除党小组前，请先把其中的党员调整到其他党小组。"
      >
        {groups.length === 0 ? (
          <View className="form-cell">
            <Text className="form-cell__value form-cell__placeholder">还没有党小组</Text>
          </View>
        ) : null}
        {groups.map((group, index) => (
          <FormInput
            key={group.id}
            label={`党小组 ${index + 1}`}
            maxlength={30}
            placeholder="如：高一年级党小组"
            value={group.name}
            onChange={(name) => edit(groups.map((g) => (g.id === group.id ? { ...g, name } : g)))}
            trailing={
              <Text className="form-cell__clear" onClick={() => edit(groups.filter((g) => g.id !== group.id))}>
                删除
              </Text>
            }
          />
        ))}
        {groups.length < 30 ? (
          <View
            className="form-cell form-cell--add"
            onClick={() => edit([...groups, { id: newGroupId(groups), name: '' }])}
          >
            <Text className="form-cell__add">＋ 添加党小组</Text>
          </View>
        ) : null}
      </FormGroup>
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </FormActions>
    </View>
  );
}

/** 党小组设置: the branch committee (or a bureau admin) names, adds and removes party groups. */
export function PartyGroupsEditor({ branchId }: { branchId: string }) {
  const load = useCallback(() => findBranch(branchId), [branchId]);
  const { state, reload } = useRemoteData(load);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  return <Editor branch={state.data} />;
}
