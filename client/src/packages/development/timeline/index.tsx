import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { DevelopmentStep, Timeline } from '@zhibu/types';
import { useState } from 'react';
import { developmentApi } from '@/features/development/api';
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
} from '@/ui';

const VOTES = new Set<DevelopmentStep>(['branchVote', 'fullVote']);
const NOTES = new Set<DevelopmentStep>(['activistReview', 'probationReview']);

/** One candidate's timeline (`?id=`), or the caller's own without an id: done steps, what is next, the form for it. */
export default function DevelopmentTimelinePage() {
  const { params } = useRouter();
  const candidateId = params.id ?? '';
  const { state, reload } = useRemoteData(async () => {
    if (candidateId) return developmentApi.timeline(candidateId);
    const mine = await developmentApi.mine();
    if (!mine.ok) return mine;
    return mine.data.timeline
      ? { ok: true as const, data: mine.data.timeline }
      : { ok: false as const, code: 'NOT_FOUND' as const, message: '你还没有发展党员记录' };
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  return (
    <View className="page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />
      ) : null}
      {state.status === 'ready' ? <TimelineView timeline={state.data} onRecorded={() => void reload()} /> : null}
    </View>
  );
}

function TimelineView({ timeline, onRecorded }: { timeline: Timeline; onRecorded: () => void }) {
  return (
    <View>
      <CellGroup title={`${timeline.name} · 当前阶段：${timeline.stage}`}>
        {timeline.steps.map((s) => (
          <Cell
            key={s.entryId}
            label={`${s.label}${s.supersededBy ? '（已更正）' : ''}${s.corrects ? '（更正）' : ''}`}
            value={`${s.date} · ${s.byName}`}
          />
        ))}
      </CellGroup>
      <CellGroup title="下一步">
        {timeline.next.length === 0 ? <Cell label="发展程序已完成" /> : null}
        {timeline.next.map((n) => (
          <Cell
            key={n.step}
            label={n.label}
            value={
              n.dueBy
                ? `${n.overdue ? '已逾期，' : ''}${n.dueBy} 前完成`
                : n.earliest
                  ? `${n.earliest} 起可办理`
                  : '无时限'
            }
          />
        ))}
      </CellGroup>
      {timeline.canRecord.length > 0 ? (
        <RecordForm timeline={timeline} step={timeline.canRecord[0]!} onRecorded={onRecorded} />
      ) : null}
    </View>
  );
}

function RecordForm({
  timeline,
  step,
  onRecorded,
}: {
  timeline: Timeline;
  step: DevelopmentStep;
  onRecorded: () => void;
}) {
  const [chosen, setChosen] = useState<DevelopmentStep>(step);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [hours, setHours] = useState('');
  const [endDate, setEndDate] = useState('');
  const [votes, setVotes] = useState({ entitled: '', present: '', votesFor: '', votesAgainst: '' });
  const [sponsors, setSponsors] = useState<[number, number]>([-1, -1]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const members = useRemoteData(() => developmentApi.fullMembers());
  const people =
    members.state.status === 'ready' ? members.state.data.items.filter((m) => m.memberId !== timeline.memberId) : [];
  const labels = timeline.next.filter((n) => timeline.canRecord.includes(n.step));

  const submit = async () => {
    if (!date) return setProblem('请选择日期');
    const base = { candidateId: timeline.candidateId, date };
    const n = (v: string) => Number(v);
    const input =
      chosen === 'activist'
        ? { ...base, step: chosen, sponsorIds: sponsors.map((i) => people[i]?.memberId ?? '') }
        : NOTES.has(chosen)
          ? { ...base, step: chosen, note }
          : chosen === 'training'
            ? { ...base, step: chosen, hours: n(hours) }
            : chosen === 'publicity'
              ? { ...base, step: chosen, endDate }
              : VOTES.has(chosen)
                ? {
                    ...base,
                    step: chosen,
                    entitled: n(votes.entitled),
                    present: n(votes.present),
                    votesFor: n(votes.votesFor),
                    votesAgainst: n(votes.votesAgainst),
                  }
                : { ...base, step: chosen };
    setBusy(true);
    const result = await developmentApi.record(input as Parameters<typeof developmentApi.record>[0]);
    setBusy(false);
    if (!result.ok) return setProblem(result.message);
    setProblem(null);
    void Taro.showToast({ title: '已记录', icon: 'success' });
    onRecorded();
  };

  return (
    <FormGroup title="记录下一步">
      <FormPicker
        label="步骤"
        options={labels.map((l) => l.label)}
        index={labels.findIndex((l) => l.step === chosen)}
        onChange={(i) => setChosen(labels[i]?.step ?? step)}
        required
      />
      <FormDate label={chosen === 'publicity' ? '公示开始' : '日期'} value={date} onChange={setDate} required />
      {chosen === 'activist'
        ? ([0, 1] as const).map((k) => (
            <FormPicker
              key={k}
              label={`培养联系人${k + 1}`}
              options={people.map((p) => p.name)}
              index={sponsors[k]}
              onChange={(i) => setSponsors((s) => (k === 0 ? [i, s[1]] : [s[0], i]))}
              required
            />
          ))
        : null}
      {NOTES.has(chosen) ? <FormTextarea label="考察情况" value={note} onChange={setNote} maxlength={500} /> : null}
      {chosen === 'training' ? (
        <FormInput label="学时" type="digit" value={hours} onChange={setHours} required />
      ) : null}
      {chosen === 'publicity' ? <FormDate label="公示结束" value={endDate} onChange={setEndDate} required /> : null}
      {VOTES.has(chosen)
        ? (
            [
              ['entitled', '应到人数'],
              ['present', '实到人数'],
              ['votesFor', '赞成'],
              ['votesAgainst', '反对'],
            ] as const
          ).map(([key, label]) => (
            <FormInput
              key={key}
              label={label}
              type="number"
              value={votes[key]}
              onChange={(v) => setVotes((s) => ({ ...s, [key]: v }))}
              required
            />
          ))
        : null}
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={busy} onClick={() => void submit()}>
          记录
        </Button>
      </FormActions>
      <Text className="form-hint">日期按北京时间；记录有误时请更正原记录，原记录保留。</Text>
    </FormGroup>
  );
}
