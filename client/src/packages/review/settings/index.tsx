import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReviewSettings } from '@zhibu/types';
import { useCallback, useEffect, useState } from 'react';
import { reviewApi } from '@/features/review/api';
import { useRemoteData } from '@/hooks/useRemoteData';
import { useSubmit } from '@/hooks/useSubmit';
import { Button, ErrorState, FormActions, FormGroup, FormInput, FormProblem, LoadingState } from '@/ui';

const toNumber = (s: string) => (/^\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** The bureau's weights of the members' and the committee's ratings and the 优秀 cap; a review keeps those it opened with. */
export default function ReviewSettingsPage() {
  const load = useCallback(() => reviewApi.configure({}), []);
  const { state, reload } = useRemoteData(load);
  const [form, setForm] = useState({ memberWeight: '', committeeWeight: '', excellentCap: '' });
  const { problem, saving, submit } = useSubmit();
  useEffect(() => {
    if (state.status !== 'ready') return;
    const s = state.data;
    setForm({
      memberWeight: String(s.memberWeight),
      committeeWeight: String(s.committeeWeight),
      excellentCap: String(s.excellentCap),
    });
  }, [state]);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const save = async () => {
    const patch: ReviewSettings = {
      memberWeight: toNumber(form.memberWeight),
      committeeWeight: toNumber(form.committeeWeight),
      excellentCap: toNumber(form.excellentCap),
    };
    const bad = Object.values(patch).some((n) => !(n >= 0 && n <= 100));
    const local = bad
      ? '请填写 0–100 的整数'
      : patch.memberWeight + patch.committeeWeight !== 100
        ? '党员互评与支部评定的权重之和应为 100%'
        : null;
    if (await submit(local, () => reviewApi.configure(patch)))
      void Taro.showToast({ title: '已保存', icon: 'success' });
  };
  const field = (key: keyof typeof form, label: string) => (
    <FormInput
      label={label}
      type="number"
      value={form[key]}
      onChange={(v) => setForm({ ...form, [key]: v })}
      required
    />
  );
  return (
    <View className="page">
      <FormGroup title="民主评议党员的计算规则" footer="只影响此后开启的评议；已开启的评议按开启时的规则计算">
        {field('memberWeight', '党员互评权重 %')}
        {field('committeeWeight', '支部评定权重 %')}
        {field('excellentCap', '优秀比例上限 %')}
        <FormProblem problem={problem} />
        <FormActions>
          <Button loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </FormActions>
      </FormGroup>
    </View>
  );
}
