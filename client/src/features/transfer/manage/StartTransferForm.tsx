import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MemberListItem, Result } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { beijingToday, formatDate } from '@/features/member';
import { useRemoteData } from '@/hooks/useRemoteData';
import {
  Button,
  CellGroup,
  confirm,
  ErrorState,
  FormActions,
  FormDate,
  FormGroup,
  FormInput,
  FormPicker,
  FormProblem,
  LoadingState,
  RadioRow,
  showFailureToast,
} from '@/ui';
import { transferApi } from '../api';
import { transferPages } from '../routes';
import './transfer.css';

type Branch = { branchId: string; name: string };
type Mode = 'within' | 'out';

const PAGE = 50;
/** A county has a few hundred branches at most; this bounds the reading, not the county. */
const MAX_PAGES = 20;

async function loadStart(memberId: string): Promise<Result<{ member: MemberListItem; branches: Branch[] }>> {
  const member = await transferApi.member(memberId);
  if (!member.ok) return member;
  const branches: Branch[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await transferApi.branches(page, PAGE);
    if (!result.ok) return result;
    branches.push(...result.data.items);
    if (page * PAGE >= result.data.total) break;
  }
  return {
    ok: true,
    data: { member: member.data, branches: branches.filter((b) => b.branchId !== member.data.branchId) },
  };
}

function Form({ member, branches }: { member: MemberListItem; branches: Branch[] }) {
  const [mode, setMode] = useState<Mode>('within');
  const [keyword, setKeyword] = useState('');
  const [branchIndex, setBranchIndex] = useState(-1);
  const [destination, setDestination] = useState('');
  const [letterNo, setLetterNo] = useState('');
  const [date, setDate] = useState(beijingToday);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A county has many branches: a few characters of the name narrow the picker to a handful.
  const matching = branches.filter((b) => b.name.includes(keyword.trim()));
  const branch = matching[branchIndex];

  const submit = async () => {
    if (mode === 'within' && !branch) return setProblem('请选择接收的支部');
    if (mode === 'out' && destination.trim() === '') return setProblem('请填写转往单位');
    if (mode === 'out' && letterNo.trim() === '') return setProblem('请填写介绍信编号');
    setProblem(null);
    const sure = await confirm({
      title: mode === 'within' ? '确认转出' : '确认转出本局',
      content:
        mode === 'within'
          ? `将${member.name}的组织关系转往${branch!.name}，对方支部书记接收后生效。`
          : `${member.name}将于${formatDate(date)}起转出本局，不再计入支部名册和统计，微信也不能再登录支部通。档案保留备查。`,
      confirmText: '确认',
      danger: mode === 'out',
    });
    if (!sure || saving) return;
    setSaving(true);
    const result = await transferApi.start(
      mode === 'within'
        ? { memberId: member.memberId, toBranchId: branch!.branchId }
        : {
            memberId: member.memberId,
            outside: { destination: destination.trim(), letterNo: letterNo.trim(), date },
          },
    );
    setSaving(false);
    if (!result.ok) return showFailureToast(result);
    void Taro.showToast({ title: mode === 'within' ? '已发出' : '已转出', icon: 'success' });
    void Taro.redirectTo({ url: transferPages.list(mode === 'within' ? 'outgoing' : 'closed') });
  };

  return (
    <View>
      <View className="transfer-intro">
        <Text className="transfer-intro__title">为 {member.name} 办理组织关系转出</Text>
        <Text className="transfer-intro__hint">
          转往局内其他支部的，由对方支部书记接收后生效；以往的出勤、学习等记录留在本支部。转出本局的，登记去向和介绍信编号后即生效。
        </Text>
      </View>
      <CellGroup title="转往">
        <RadioRow label="局内其他支部" on={mode === 'within'} onClick={() => setMode('within')} />
        <RadioRow label="转出本局（外县、升学等）" on={mode === 'out'} onClick={() => setMode('out')} />
      </CellGroup>
      {mode === 'within' ? (
        <FormGroup>
          <FormInput
            label="查找支部"
            value={keyword}
            maxlength={20}
            placeholder="输入支部名称中的字，如：实验小学"
            onChange={(text) => {
              setKeyword(text);
              setBranchIndex(-1);
            }}
          />
          <FormPicker
            label="接收支部"
            required
            options={matching.map((b) => b.name)}
            index={branchIndex}
            onChange={setBranchIndex}
            placeholder="请选择支部"
          />
        </FormGroup>
      ) : (
        <FormGroup>
          <FormInput label="转往单位" required value={destination} maxlength={60} onChange={setDestination} />
          <FormInput label="介绍信编号" required value={letterNo} maxlength={40} onChange={setLetterNo} />
          <FormDate
            label="转出日期"
            required
            value={date}
            end={beijingToday()}
            display={formatDate}
            onChange={setDate}
          />
        </FormGroup>
      )}
      <FormProblem problem={problem} />
      <FormActions>
        <Button kind={mode === 'out' ? 'warn' : 'primary'} loading={saving} onClick={() => void submit()}>
          {mode === 'within' ? '发出转接' : '确认转出'}
        </Button>
      </FormActions>
    </View>
  );
}

/** 转出 of one member, opened from their page in the roster. */
export function StartTransferForm({ memberId }: { memberId: string }) {
  const load = useCallback(() => loadStart(memberId), [memberId]);
  const { state, reload } = useRemoteData(load);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  if (!state.data.member.active) {
    return (
      <View className="transfer-intro">
        <Text className="transfer-intro__title">{state.data.member.name} 已调出或转出</Text>
      </View>
    );
  }
  return <Form member={state.data.member} branches={state.data.branches} />;
}
