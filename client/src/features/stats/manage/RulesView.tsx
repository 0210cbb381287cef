import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ComplianceRule, Frequency } from '@zhibu/types';
import { ACTIVITY_TYPE_NAMES, ACTIVITY_TYPE_ORDER } from '@/features/activity';
import { useCallback, useEffect, useState } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, LoadingState } from '@/ui';
import './manage.css';
import { statsApi } from '../api';

const FREQUENCIES: { key: Frequency; label: string }[] = [
  { key: 'month', label: '每月' },
  { key: 'quarter', label: '每季度' },
  { key: 'half', label: '每半年' },
  { key: 'year', label: '每年' },
];

function RuleLine({
  rule,
  onChange,
  onRemove,
}: {
  rule: ComplianceRule;
  onChange: (rule: ComplianceRule) => void;
  onRemove: () => void;
}) {
  const index = FREQUENCIES.findIndex((f) => f.key === rule.every);
  return (
    <View className="st-rule" aria-label={ACTIVITY_TYPE_NAMES[rule.type]}>
      <Text className="st-rule__name">{ACTIVITY_TYPE_NAMES[rule.type]}</Text>
      <Picker
        mode="selector"
        range={FREQUENCIES.map((f) => f.label)}
        value={index}
        onChange={(e) => onChange({ ...rule, every: FREQUENCIES[Number(e.detail.value)]!.key })}
      >
        <Text className="st-rule__every">{FREQUENCIES[index]?.label}</Text>
      </Picker>
      <View className="st-stepper" aria-label="至少次数">
        <Text className="st-stepper__button" onClick={() => rule.min > 1 && onChange({ ...rule, min: rule.min - 1 })}>
          −
        </Text>
        <Text className="st-stepper__value">{rule.min}</Text>
        <Text className="st-stepper__button" onClick={() => rule.min < 10 && onChange({ ...rule, min: rule.min + 1 })}>
          ＋
        </Text>
      </View>
      <Text className="st-remove" onClick={onRemove}>
        删除
      </Text>
    </View>
  );
}

function RulesEditor({ saved, onSaved }: { saved: ComplianceRule[]; onSaved: (rules: ComplianceRule[]) => void }) {
  const [rules, setRules] = useState(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => setRules(saved), [saved]);
  const missing = ACTIVITY_TYPE_ORDER.filter((t) => t !== 'other' && !rules.some((r) => r.type === t));
  const changed = JSON.stringify(rules) !== JSON.stringify(saved);

  const save = async () => {
    setBusy(true);
    const result = await statsApi.setRules(rules);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError('');
    void Taro.showToast({ title: '规则已保存', icon: 'success' });
    onSaved(result.data.rules);
  };

  return (
    <>
      <Text className="st-section-title">每类活动在每个周期内至少开展的次数；党小组会只要求设有党小组的支部</Text>
      <View className="st-card" aria-label="合规规则">
        {rules.length === 0 ? <Text className="st-muted">还没有规则：合规日历将为空</Text> : null}
        {rules.map((rule, i) => (
          <RuleLine
            key={rule.type}
            rule={rule}
            onChange={(next) => setRules(rules.map((r, j) => (j === i ? next : r)))}
            onRemove={() => setRules(rules.filter((_, j) => j !== i))}
          />
        ))}
      </View>
      {missing.length > 0 ? (
        <Picker
          mode="selector"
          range={missing.map((t) => ACTIVITY_TYPE_NAMES[t])}
          onChange={(e) => {
            const type = missing[Number(e.detail.value)];
            if (type) setRules([...rules, { type, every: 'year', min: 1 }]);
          }}
        >
          <Text className="st-link" style={{ marginLeft: '16px' }}>
            ＋ 添加一类活动
          </Text>
        </Picker>
      ) : null}
      {error ? (
        <Text className="st-error" style={{ margin: '8px 16px' }}>
          {error}
        </Text>
      ) : null}
      <View className="st-actions">
        <Button loading={busy} disabled={!changed} onClick={() => void save()}>
          保存规则
        </Button>
      </View>
    </>
  );
}

/** 合规规则: each activity type's frequency and minimum, for the bureau's admins. */
export function RulesView() {
  const load = useCallback(() => statsApi.rules(), []);
  const { state, reload } = useRemoteData(load);
  const [saved, setSaved] = useState<ComplianceRule[] | null>(null);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  return (
    <View className="page">
      <RulesEditor saved={saved ?? state.data.rules} onSaved={setSaved} />
    </View>
  );
}
