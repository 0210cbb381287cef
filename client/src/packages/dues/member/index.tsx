import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { DUES_CATEGORY_NAMES, DUES_METHOD_NAMES, DUES_METHODS, type MemberDues } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { duesApi } from '@/features/dues/api';
import { beijingNow, monthLabel, parseYuan, STATE_NAMES, yuan } from '@/features/dues/format';
import { CATEGORY_OPTIONS, today } from '@/features/dues/format';
import '@/features/dues/dues.css';
import { ManagerGate, toastDone } from '@/features/org';
import { useRemoteData } from '@/hooks/useRemoteData';
import {
  Button,
  Cell,
  CellGroup,
  ErrorState,
  FormActions,
  FormDate,
  FormGroup,
  FormInput,
  FormPicker,
  FormProblem,
  FormTextarea,
  LoadingState,
  showFailureToast,
} from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** One member's 党费 for the year: bases, months, and the secretary's two forms (set a base, record a payment). */
export default function DuesMemberPage() {
  const { params } = useRouter();
  return <ManagerGate>{() => <DuesMember memberId={params.id ?? ''} />}</ManagerGate>;
}

function DuesMember({ memberId }: { memberId: string }) {
  const { year } = beijingNow();
  const load = useCallback(() => duesApi.member(memberId, year), [memberId, year]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const d = state.data;
  const latest = d.entries.at(-1);
  return (
    <View className="page">
      <View className="dues-head">
        <Text className="dues-head__title">{d.name}</Text>
        <Text className="dues-head__meta">
          {latest
            ? `${DUES_CATEGORY_NAMES[latest.category]} · 基数 ${yuan(latest.base)} 元 · 月缴 ${yuan(latest.monthly)} 元`
            : `尚未设置${year}年党费基数`}
          {d.startMonth ? ` · 自 ${d.startMonth} 起缴纳` : ''}
        </Text>
      </View>
      <PaymentForm dues={d} onDone={() => void reload()} />
      <BaseForm dues={d} onDone={() => void reload()} />
      {d.entries.length > 0 ? (
        <CellGroup title="基数记录">
          {d.entries.map((e) => (
            <Cell
              key={e.fromMonth}
              label={`${e.fromMonth} 起`}
              value={`${yuan(e.base)} 元 → 月缴 ${yuan(e.monthly)} 元（${e.setByName}）`}
            />
          ))}
        </CellGroup>
      ) : null}
      {d.reliefs.length > 0 ? (
        <CellGroup title="减免记录">
          {d.reliefs.map((r) => (
            <Cell
              key={r.reliefId}
              label={`${r.fromMonth} 至 ${r.toMonth}`}
              value={`${r.kind === 'exempt' ? '免缴' : `减为 ${yuan(r.monthly)} 元`}：${r.reason}（${r.approvedByName}批准）`}
            />
          ))}
        </CellGroup>
      ) : null}
    </View>
  );
}

function BaseForm({ dues, onDone }: { dues: MemberDues; onDone: () => void }) {
  const latest = dues.entries.at(-1);
  const [base, setBase] = useState(latest ? yuan(latest.base) : '');
  const [category, setCategory] = useState(latest ? CATEGORY_OPTIONS.findIndex(([c]) => c === latest.category) : 0);
  const [fromMonth, setFromMonth] = useState(`${dues.year}-01`);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fixed = ['student', 'no_income'].includes(CATEGORY_OPTIONS[category]![0]);
  const save = async () => {
    const fen = fixed && !base ? 0 : parseYuan(base);
    if (fen === null) return setProblem('基数应为金额（元），最多两位小数');
    setProblem(null);
    setBusy(true);
    const result = await duesApi.setBase({
      memberId: dues.memberId,
      year: dues.year,
      base: fen,
      category: CATEGORY_OPTIONS[category]![0],
      fromMonth,
    });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    toastDone(`已设置，月缴 ${yuan(result.data.monthly)} 元`);
    onDone();
  };
  return (
    <FormGroup
      title="设置党费基数"
      footer="基数为每月工资中相对固定的、经常性的部分（税后）；新基数自新工资起始月份起算。"
    >
      <FormPicker
        label="类别"
        options={CATEGORY_OPTIONS.map(([, name]) => name)}
        index={category}
        onChange={setCategory}
      />
      <FormInput
        label="月基数（元）"
        value={base}
        onChange={setBase}
        type="digit"
        placeholder={fixed ? '可不填' : '如 4500.00'}
      />
      <FormDate
        label="起始月份"
        value={`${fromMonth}-01`}
        onChange={(v) => setFromMonth(v.slice(0, 7))}
        start={`${dues.year}-01-01`}
        end={`${dues.year}-12-31`}
        display={(v) => v.slice(0, 7)}
      />
      <FormProblem problem={problem} />
      <FormActions>
        <Button kind="secondary" loading={busy} onClick={() => void save()}>
          保存基数
        </Button>
      </FormActions>
    </FormGroup>
  );
}

function PaymentForm({ dues, onDone }: { dues: MemberDues; onDone: () => void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState(0);
  const [paidAt, setPaidAt] = useState(today());
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const payable = dues.months.filter((m) => m.state === 'due' || m.state === 'overdue');
  const due = dues.months.filter((m) => picked.includes(m.month)).reduce((a, m) => a + m.due, 0);
  const fen = amount ? parseYuan(amount) : due;
  const differs = fen !== null && picked.length > 0 && fen !== due;
  const toggle = (month: string) =>
    setPicked((list) => (list.includes(month) ? list.filter((m) => m !== month) : [...list, month].sort()));
  const save = async () => {
    if (picked.length === 0) return setProblem('请选择缴纳的月份');
    if (fen === null || fen <= 0) return setProblem('金额应为大于 0 的金额（元），最多两位小数');
    if (differs && !reason.trim()) return setProblem(`金额与应缴 ${yuan(due)} 元不符，请填写说明`);
    setProblem(null);
    setBusy(true);
    const result = await duesApi.recordPayment({
      memberId: dues.memberId,
      months: picked,
      amount: fen,
      method: DUES_METHODS[method]!,
      paidAt,
      ...(differs ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    toastDone(result.data.voluntary > 0 ? `已登记，含自愿多缴 ${yuan(result.data.voluntary)} 元` : '已登记缴纳');
    setPicked([]);
    setAmount('');
    setReason('');
    onDone();
  };
  return (
    <>
      <CellGroup title={`${dues.year}年各月（点选要登记缴纳的月份）`}>
        <View className="dues-months">
          {dues.months.map((m) => {
            const open = m.state === 'due' || m.state === 'overdue';
            const on = picked.includes(m.month);
            return (
              <View key={m.month} className="dues-chip" onClick={open ? () => toggle(m.month) : undefined}>
                <View
                  className={`dues-chip__inner${on ? ' dues-chip__inner--on' : open ? '' : ' dues-chip__inner--off'}`}
                >
                  <Text>{monthLabel(m.month)}</Text>
                  <Text className="dues-chip__sub">{STATE_NAMES[m.state]}</Text>
                </View>
              </View>
            );
          })}
        </View>
      </CellGroup>
      {payable.length === 0 ? <Text className="dues-note">本年度没有待缴的月份</Text> : null}
      {picked.length > 0 ? (
        <FormGroup title="登记缴纳">
          <Text className="dues-sum">
            {picked.length} 个月，应缴 {yuan(due)} 元
          </Text>
          <FormInput label="实缴金额（元）" value={amount} onChange={setAmount} type="digit" placeholder={yuan(due)} />
          <FormPicker
            label="缴纳方式"
            options={DUES_METHODS.map((m) => DUES_METHOD_NAMES[m])}
            index={method}
            onChange={setMethod}
          />
          <FormDate label="缴纳日期" value={paidAt} onChange={setPaidAt} end={today()} />
          {differs ? (
            <FormTextarea
              label="说明（金额与应缴不符）"
              value={reason}
              onChange={setReason}
              placeholder="如：自愿多缴、经支部批准减缴"
              maxlength={200}
            />
          ) : null}
          <FormProblem problem={problem} />
          <FormActions>
            <Button loading={busy} onClick={() => void save()}>
              登记缴纳
            </Button>
          </FormActions>
        </FormGroup>
      ) : null}
    </>
  );
}
