import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import type { LoginResult, QuizBank } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { beijingClock, beijingDate, toBeijingIso } from '@/features/activity';
import { Button, FormActions, FormDate, FormGroup, FormInput, FormPicker, FormProblem, showFailureToast } from '@/ui';
import { useRemoteData } from '@/hooks/useRemoteData';
import { quizApi, quizPages } from '../api';
import { Check } from './Check';
import './manage.css';

const RULES = ['all', 'partial'] as const;
const RULE_LABELS = ['全部选对才得分', '少选得一半、错选不得分'];

function TimeCell({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <View className="form-cell form-cell--picker">
      <Picker
        className="form-cell__picker"
        mode="time"
        value={value}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className="form-cell__picker-inner" aria-label={label}>
          <Text className="form-cell__label">{label}</Text>
          <Text className="form-cell__value">{value}</Text>
          <View className="form-cell__arrow" />
        </View>
      </Picker>
    </View>
  );
}

/** 发布测试: title, window, the draw rule from chosen banks, scoring and attempts. */
export function QuizForm({ member }: { member: LoginResult }) {
  const now = Date.now();
  const banks = useRemoteData(useCallback(() => quizApi.listBanks(1, 50), []));
  const [title, setTitle] = useState('');
  const [openDate, setOpenDate] = useState(beijingDate(now));
  const [openTime, setOpenTime] = useState(beijingClock(now));
  const [closeDate, setCloseDate] = useState(beijingDate(now + 7 * 86_400_000));
  const [closeTime, setCloseTime] = useState('18:00');
  const [chosen, setChosen] = useState<string[]>([]);
  const [count, setCount] = useState('10');
  const [tags, setTags] = useState('');
  const [passScore, setPassScore] = useState('60');
  const [minutes, setMinutes] = useState('20');
  const [attempts, setAttempts] = useState('2');
  const [rule, setRule] = useState(0);
  const [explain, setExplain] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const admin = member.roles.includes('admin');
  const usable: QuizBank[] =
    banks.state.status === 'ready' ? banks.state.data.items.filter((b) => !admin || b.scope === 'bureau') : [];

  const submit = async () => {
    const openAt = toBeijingIso(openDate, openTime);
    const closeAt = toBeijingIso(closeDate, closeTime);
    if (!openAt || !closeAt) return setProblem('请选择开始和截止时间');
    if (chosen.length === 0) return setProblem('请至少选择一个题库');
    setSaving(true);
    const result = await quizApi.create({
      title: title.trim(),
      openAt,
      closeAt,
      draw: {
        count: Number(count),
        bankIds: chosen,
        ...(tags.trim() ? { tags: tags.split(/[\s,，、]+/).filter(Boolean) } : {}),
      },
      passScore: Number(passScore),
      timeLimitMinutes: Number(minutes),
      maxAttempts: Number(attempts),
      multipleRule: RULES[rule],
      showExplanations: explain,
    });
    setSaving(false);
    if (!result.ok) {
      setProblem(result.message);
      return showFailureToast(result);
    }
    void Taro.showToast({ title: '已发布', icon: 'success' });
    void Taro.redirectTo({ url: quizPages.stats(result.data.quizId) });
  };

  return (
    <View>
      <FormGroup title={admin ? '局党委测试（发往全部支部）' : '本支部测试'}>
        <FormInput
          label="标题"
          value={title}
          onChange={setTitle}
          maxlength={60}
          required
          placeholder="如：党章知识测试"
        />
        <FormDate label="开始日期" value={openDate} onChange={setOpenDate} required />
        <TimeCell label="开始时间" value={openTime} onChange={setOpenTime} />
        <FormDate label="截止日期" value={closeDate} onChange={setCloseDate} required />
        <TimeCell label="截止时间" value={closeTime} onChange={setCloseTime} />
      </FormGroup>
      <FormGroup title="从这些题库抽题">
        {usable.map((b) => (
          <Check
            key={b.bankId}
            label={`${b.name}（${b.questionCount} 题）`}
            checked={chosen.includes(b.bankId)}
            onChange={(on) => setChosen(on ? [...chosen, b.bankId] : chosen.filter((id) => id !== b.bankId))}
          />
        ))}
      </FormGroup>
      <FormGroup title="抽题与计分" footer="每人抽到的题目和选项顺序都不同；满分 100 分，每题分值相同。">
        <FormInput label="每卷题数" value={count} onChange={setCount} type="number" required />
        <FormInput label="只抽标签" value={tags} onChange={setTags} placeholder="可不填，如：党章" />
        <FormInput label="及格分" value={passScore} onChange={setPassScore} type="digit" required />
        <FormInput label="限时（分钟）" value={minutes} onChange={setMinutes} type="number" required />
        <FormInput label="可作答次数" value={attempts} onChange={setAttempts} type="number" required />
        <FormPicker label="多选题计分" options={RULE_LABELS} index={rule} onChange={setRule} />
        <Check label="交卷后显示错题的答案和解析" checked={explain} onChange={setExplain} />
      </FormGroup>
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} disabled={title.trim().length < 2} onClick={() => void submit()}>
          发布测试
        </Button>
      </FormActions>
    </View>
  );
}
