import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DevelopmentStep, Result, Timeline, TimelineEntry } from '@zhibu/types';
import { useState } from 'react';
import { Button, Cell, CellGroup, FormActions, FormGroup, FormProblem, FormTextarea } from '@/ui';
import { developmentApi } from '../api';
import { dueText } from '../format';
import { StepFieldsView } from './StepFieldsView';
import { correctInput, emptyFields, fieldsOf, fieldsProblem, recordInput, type StepFields } from './stepInput';
import './manage.css';

interface TimelineViewProps {
  timeline: Timeline;
  /** The caller manages the candidate's branch: they may correct entries. */
  manager: boolean;
  onChanged: (timeline: Timeline) => void;
}

/** A candidate's timeline: who and where they are, what is next and when, what is done, and the forms. */
export function TimelineView({ timeline, manager, onChanged }: TimelineViewProps) {
  const [correcting, setCorrecting] = useState<TimelineEntry | null>(null);
  const inForce = timeline.steps.filter((s) => !s.supersededBy);
  const sponsors = new Map(timeline.sponsorIds.map((id, i) => [id, timeline.sponsorNames[i] ?? '']));
  return (
    <View className="dev-timeline">
      <View className="dev-head">
        <Text className="dev-head__name">{timeline.name}</Text>
        <Text className="dev-head__stage">{timeline.stage}</Text>
        <Text className="dev-head__meta">
          {`入党申请 ${timeline.appliedAt}`}
          {timeline.sponsorNames.length > 0 ? ` · 培养联系人 ${timeline.sponsorNames.join('、')}` : ''}
        </Text>
      </View>
      <CellGroup title="下一步">
        {timeline.next.length === 0 ? <Cell label="发展程序已全部完成" /> : null}
        {timeline.next.map((n) => (
          <Cell
            key={n.step}
            label={n.label}
            value={<Text className={n.overdue ? 'dev-due dev-due--overdue' : 'dev-due'}>{dueText(n)}</Text>}
          />
        ))}
      </CellGroup>
      {timeline.canRecord.length > 0 && !correcting ? (
        <RecordForm key={timeline.steps.length} timeline={timeline} onChanged={onChanged} />
      ) : null}
      <CellGroup title={manager ? '已完成（点一条可更正）' : '已完成'}>
        {timeline.steps.map((s) => (
          <EntryRow
            key={s.entryId}
            entry={s}
            onClick={manager && !s.supersededBy ? () => setCorrecting(s) : undefined}
          />
        ))}
      </CellGroup>
      {correcting && inForce.some((s) => s.entryId === correcting.entryId) ? (
        <CorrectForm
          timeline={timeline}
          entry={correcting}
          sponsors={sponsors}
          onDone={(changed) => {
            setCorrecting(null);
            if (changed) onChanged(changed);
          }}
        />
      ) : null}
    </View>
  );
}

/** One recorded step: what and when on the first line, who recorded it and its note or correction below. */
function EntryRow({ entry, onClick }: { entry: TimelineEntry; onClick?: () => void }) {
  const note = typeof entry.fields.note === 'string' ? entry.fields.note : null;
  return (
    <View className="dev-entry-row" hoverClass={onClick ? 'cell--hover' : 'none'} onClick={onClick}>
      <View className="dev-entry-row__line">
        <Text className={entry.supersededBy ? 'dev-entry-row__label dev-entry--old' : 'dev-entry-row__label'}>
          {entry.label}
          {entry.supersededBy ? '（已更正）' : ''}
          {entry.corrects ? '（更正）' : ''}
        </Text>
        <Text className="dev-entry-row__date">{entry.date}</Text>
        {onClick ? <View className="cell__arrow" /> : null}
      </View>
      <Text className="dev-entry__note">{`${entry.byName} 记录`}</Text>
      {entry.reason ? <Text className="dev-entry__note">{`更正原因：${entry.reason}`}</Text> : null}
      {note ? <Text className="dev-entry__note">{note}</Text> : null}
    </View>
  );
}

/** Sends a step and says a refusal beside the form: the server's message names the rule it broke. */
function useSend() {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (missing: string | null, call: () => Promise<Result<Timeline>>, done: (t: Timeline) => void) => {
    if (missing) return setProblem(missing);
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) return setProblem(result.message);
    setProblem(null);
    void Taro.showToast({ title: '已记录', icon: 'success' });
    done(result.data);
  };
  return { problem, busy, send };
}

function RecordForm({ timeline, onChanged }: { timeline: Timeline; onChanged: (t: Timeline) => void }) {
  const choices = timeline.next.filter((n) => timeline.canRecord.includes(n.step));
  const [step, setStep] = useState<DevelopmentStep>(choices[0]?.step ?? timeline.canRecord[0]!);
  const [fields, setFields] = useState<StepFields>(emptyFields);
  const { problem, busy, send } = useSend();
  return (
    <FormGroup title="记录下一步" footer="日期按北京时间；记录有误时点已完成的那一条更正，原记录保留。">
      {choices.length > 1 ? (
        <View className="dev-steps" role="tablist">
          {choices.map((c) => (
            <View
              key={c.step}
              role="tab"
              aria-selected={c.step === step}
              className={`dev-steps__item${c.step === step ? ' dev-steps__item--on' : ''}`}
              onClick={() => setStep(c.step)}
            >
              <Text>{c.label}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Cell label="步骤" value={choices[0]?.label ?? ''} />
      )}
      <StepFieldsView step={step} fields={fields} onChange={setFields} candidateMemberId={timeline.memberId} />
      <FormProblem problem={problem} />
      <FormActions>
        <Button
          loading={busy}
          onClick={() =>
            void send(
              fieldsProblem(step, fields),
              () => developmentApi.record(recordInput(timeline.candidateId, step, fields)),
              onChanged,
            )
          }
        >
          记录
        </Button>
      </FormActions>
    </FormGroup>
  );
}

function CorrectForm({
  timeline,
  entry,
  sponsors,
  onDone,
}: {
  timeline: Timeline;
  entry: TimelineEntry;
  sponsors: Map<string, string>;
  onDone: (changed: Timeline | null) => void;
}) {
  const [fields, setFields] = useState<StepFields>(() => fieldsOf(entry, sponsors));
  const [reason, setReason] = useState('');
  const { problem, busy, send } = useSend();
  const missing = () => fieldsProblem(entry.step, fields) ?? (reason.trim() ? null : '请填写更正原因');
  return (
    <FormGroup title={`更正：${entry.label}（${entry.date}）`} footer="更正是一条新记录，原记录保留并标为已更正。">
      <StepFieldsView step={entry.step} fields={fields} onChange={setFields} candidateMemberId={timeline.memberId} />
      <FormTextarea label="更正原因" value={reason} placeholder="为什么更正" onChange={setReason} maxlength={200} />
      <FormProblem problem={problem} />
      <FormActions>
        <Button
          loading={busy}
          onClick={() =>
            void send(
              missing(),
              () => developmentApi.correct(correctInput(timeline.candidateId, entry, fields, reason)),
              onDone,
            )
          }
        >
          提交更正
        </Button>
        <Button kind="secondary" onClick={() => onDone(null)}>
          取消
        </Button>
      </FormActions>
    </FormGroup>
  );
}
