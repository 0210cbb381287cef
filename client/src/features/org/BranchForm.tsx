import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BranchSummary } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { orgPages } from '@/features/member';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, FormActions, FormGroup, FormInput, FormPicker, FormProblem, LoadingState } from '@/ui';
import { findBranch, orgApi, rememberBranches } from './api';
import {
  branchFormProblem,
  branchInput,
  branchNameProblem,
  EMPTY_BRANCH_FORM,
  type BranchFormValues,
} from './branchForm';
import { markOrgChanged } from './changes';
import { toastDone } from './confirm';
import { BRANCH_KIND_LABELS, BRANCH_KIND_OPTIONS } from './labels';
import { useSubmit } from '@/hooks/useSubmit';

interface BranchFieldsProps {
  values: BranchFormValues;
  onChange: (values: BranchFormValues) => void;
  title?: string;
}

/** Name, kind and schools of a branch: a new one, or the one a split creates. */
export function BranchFields({ values, onChange, title = '支部信息' }: BranchFieldsProps) {
  const set = (patch: Partial<BranchFormValues>) => onChange({ ...values, ...patch });
  const setSchool = (index: number, school: string) =>
    set({ schools: values.schools.map((s, i) => (i === index ? school : s)) });
  return (
    <>
      <FormGroup title={title}>
        <FormInput
          label="支部名称"
          required
          maxlength={40}
          placeholder="如：清河县第二中学党支部"
          value={values.name}
          onChange={(name) => set({ name })}
        />
        <FormPicker
          label="支部类型"
          required
          options={BRANCH_KIND_OPTIONS.map((k) => BRANCH_KIND_LABELS[k])}
          index={BRANCH_KIND_OPTIONS.indexOf(values.kind)}
          onChange={(i) => set({ kind: BRANCH_KIND_OPTIONS[i] ?? 'school' })}
        />
      </FormGroup>
      <FormGroup title="所含学校（联合党支部可填多所）">
        {values.schools.map((school, index) => (
          <FormInput
            key={index}
            label={`学校 ${index + 1}`}
            maxlength={40}
            placeholder="学校或单位名称"
            value={school}
            onChange={(value) => setSchool(index, value)}
            trailing={
              values.schools.length > 1 ? (
                <Text
                  className="form-cell__clear"
                  onClick={() => set({ schools: values.schools.filter((_, i) => i !== index) })}
                >
                  删除
                </Text>
              ) : null
            }
          />
        ))}
        {values.schools.length < 20 ? (
          <View className="form-cell form-cell--add" onClick={() => set({ schools: [...values.schools, ''] })}>
            <Text className="form-cell__add">＋ 添加学校</Text>
          </View>
        ) : null}
      </FormGroup>
    </>
  );
}

function CreateBranch() {
  const [values, setValues] = useState<BranchFormValues>(EMPTY_BRANCH_FORM);
  const { problem, saving, submit, clearProblem } = useSubmit();
  const save = async () => {
    const created = await submit(branchFormProblem(values), () => orgApi.createBranch(branchInput(values)));
    if (!created) return;
    markOrgChanged();
    toastDone('已新建');
    void Taro.redirectTo({ url: orgPages.branch(created.branchId) });
  };
  return (
    <View>
      <BranchFields
        values={values}
        onChange={(next) => {
          setValues(next);
          clearProblem();
        }}
      />
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} onClick={() => void save()}>
          新建支部
        </Button>
      </FormActions>
    </View>
  );
}

function RenameBranch({ branch }: { branch: BranchSummary }) {
  const [name, setName] = useState(branch.name);
  const { problem, saving, submit } = useSubmit();
  const save = async () => {
    if (!branchNameProblem(name) && name.trim() === branch.name) {
      void Taro.navigateBack();
      return;
    }
    const renamed = await submit(branchNameProblem(name), () =>
      orgApi.renameBranch({ branchId: branch.branchId, name: name.trim() }),
    );
    if (!renamed) return;
    rememberBranches([renamed]);
    markOrgChanged();
    toastDone('已改名');
    void Taro.navigateBack();
  };
  return (
    <View>
      <FormGroup title={`重命名：${branch.name}`} footer="支部改名后，历史记录中的名称保持不变。">
        <FormInput label="新名称" required maxlength={40} value={name} onChange={setName} />
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

/** A new branch (no branchId), or renaming one. */
export function BranchForm({ branchId }: { branchId?: string }) {
  const load = useCallback(
    () => (branchId ? findBranch(branchId) : Promise.resolve({ ok: true as const, data: null })),
    [branchId],
  );
  const { state, reload } = useRemoteData(load);
  if (!branchId) return <CreateBranch />;
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  return state.data ? <RenameBranch branch={state.data} /> : null;
}
