import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BranchSummary, LoginResult, MemberListItem, Result } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { orgPages } from '@/features/member';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, FormActions, FormGroup, FormInput, FormPicker, FormProblem, LoadingState } from '@/ui';
import { findBranch, orgApi } from './api';
import { markOrgChanged } from './changes';
import { toastDone } from './confirm';
import { useSubmit } from '@/hooks/useSubmit';
import { MemberBasicsFields } from './MemberBasicsFields';
import {
  EMPTY_MEMBER_FORM,
  formFromMember,
  memberFields,
  memberFormProblem,
  memberPatch,
  type MemberFormValues,
} from './memberForm';

interface EditorData {
  member: MemberListItem | null;
  branch: BranchSummary;
}

async function loadEditor(memberId: string | undefined, branchId: string): Promise<Result<EditorData>> {
  if (!memberId) {
    const branch = await findBranch(branchId);
    return branch.ok ? { ok: true, data: { member: null, branch: branch.data } } : branch;
  }
  const member = await orgApi.getMember(memberId);
  if (!member.ok) return member;
  const branch = await findBranch(member.data.branchId);
  return branch.ok ? { ok: true, data: { member: member.data, branch: branch.data } } : branch;
}

function Form({ data }: { data: EditorData }) {
  const original = data.member ? formFromMember(data.member) : EMPTY_MEMBER_FORM;
  const [values, setValues] = useState<MemberFormValues>(original);
  const { problem, saving, submit, clearProblem } = useSubmit();
  const set = (patch: Partial<MemberFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    clearProblem();
  };
  const groups = data.branch.partyGroups;
  const groupIndex = groups.findIndex((g) => g.id === values.partyGroupId);

  const save = async () => {
    const localProblem = memberFormProblem(values);
    if (data.member) {
      const { memberId } = data.member;
      const patch = memberPatch(original, values);
      if (!localProblem && Object.keys(patch).length === 0) {
        clearProblem();
        void Taro.showToast({ title: '没有修改', icon: 'none' });
        return;
      }
      if (!(await submit(localProblem, () => orgApi.updateMember({ memberId, patch })))) return;
      markOrgChanged();
      toastDone('已保存');
      void Taro.navigateBack();
      return;
    }
    const created = await submit(localProblem, () =>
      orgApi.createMember({ ...memberFields(values), branchId: data.branch.branchId }),
    );
    if (!created) return;
    markOrgChanged();
    toastDone('已添加');
    // Straight to the new member, where the invite code is one tap away.
    void Taro.redirectTo({ url: orgPages.member(created.memberId) });
  };

  return (
    <View className="member-editor">
      <FormGroup title={data.member ? `编辑 ${data.member.name} 的资料` : `添加党员到 ${data.branch.name}`}>
        <MemberBasicsFields values={values} onChange={set} />
      </FormGroup>
      <FormGroup>
        <FormPicker
          label="党小组"
          options={['未分组', ...groups.map((g) => g.name)]}
          index={groupIndex + 1}
          onChange={(i) => set({ partyGroupId: i === 0 ? '' : (groups[i - 1]?.id ?? '') })}
        />
        <FormInput
          label="职务"
          maxlength={40}
          placeholder="如：语文教师、年级组长（选填）"
          value={values.position}
          onChange={(position) => set({ position })}
        />
      </FormGroup>
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} onClick={() => void save()}>
          {data.member ? '保存' : '添加'}
        </Button>
      </FormActions>
    </View>
  );
}

/** The member editor: a new member of a branch, or the details of one already on its roster. */
export function MemberEditor({
  viewer,
  memberId,
  branchId = viewer.branchId,
}: {
  viewer: LoginResult;
  memberId?: string;
  branchId?: string;
}) {
  const load = useCallback(() => loadEditor(memberId, branchId), [memberId, branchId]);
  const { state, reload } = useRemoteData(load);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  return <Form data={state.data} />;
}
