import type { DevelopmentStep } from '@zhibu/types';
import { useState } from 'react';
import { ChooserSheet } from '@/features/audience';
import { Cell, FormDate, FormInput, FormTextarea } from '@/ui';
import { developmentApi } from '../api';
import { beijingToday } from '../format';
import { NOTE_STEPS, VOTE_FIELDS, VOTE_STEPS, type StepFields } from './stepInput';

interface StepFieldsViewProps {
  step: DevelopmentStep;
  fields: StepFields;
  onChange: (fields: StepFields) => void;
  /** The candidate, who cannot be their own sponsor. */
  candidateMemberId: string;
}

const loadSponsors = (candidateMemberId: string) => async (page: number, pageSize: number, keyword: string) => {
  const result = await developmentApi.fullMembers(page, pageSize, keyword);
  if (!result.ok) return result;
  const items = result.data.items
    .filter((m) => m.memberId !== candidateMemberId)
    .map((m) => ({ id: m.memberId, name: m.name, note: m.partyGroupName ?? undefined }));
  return { ok: true as const, data: { items, total: result.data.total } };
};

/** The fields one step needs: its date, and the sponsors, notes, hours, 公示 end or vote counts. */
export function StepFieldsView({ step, fields, onChange, candidateMemberId }: StepFieldsViewProps) {
  const [choosing, setChoosing] = useState(false);
  const set = (patch: Partial<StepFields>) => onChange({ ...fields, ...patch });
  const today = beijingToday();
  return (
    <>
      <FormDate
        label={step === 'publicity' ? '公示开始' : '日期'}
        value={fields.date}
        end={today}
        onChange={(date) => set({ date })}
        required
      />
      {step === 'activist' ? (
        <Cell
          label="培养联系人"
          value={fields.sponsors.size > 0 ? [...fields.sponsors.values()].join('、') : '选择两名正式党员'}
          onClick={() => setChoosing(true)}
        />
      ) : null}
      {NOTE_STEPS.has(step) ? (
        <FormTextarea
          label="考察情况"
          value={fields.note}
          placeholder="思想、工作、学习情况和培养意见"
          onChange={(note) => set({ note })}
          maxlength={500}
        />
      ) : null}
      {step === 'politicalReview' ? (
        <FormInput
          label="审查结论"
          value={fields.conclusion}
          placeholder="选填"
          onChange={(conclusion) => set({ conclusion })}
        />
      ) : null}
      {step === 'training' ? (
        <FormInput label="学时" type="digit" value={fields.hours} onChange={(hours) => set({ hours })} required />
      ) : null}
      {step === 'publicity' ? (
        <FormDate
          label="公示结束"
          value={fields.endDate}
          end={today}
          onChange={(endDate) => set({ endDate })}
          required
        />
      ) : null}
      {VOTE_STEPS.has(step)
        ? VOTE_FIELDS.map(([key, label]) => (
            <FormInput
              key={key}
              label={label}
              type="number"
              value={fields[key]}
              onChange={(value) => set({ [key]: value })}
              required
            />
          ))
        : null}
      {choosing ? (
        <ChooserSheet
          title="选择培养联系人"
          chosen={fields.sponsors}
          load={loadSponsors(candidateMemberId)}
          serverSearch
          searchPlaceholder="搜索正式党员姓名"
          onDone={(sponsors) => {
            set({ sponsors });
            setChoosing(false);
          }}
          onCancel={() => setChoosing(false)}
        />
      ) : null}
    </>
  );
}
