import type { CorrectStepInput, DevelopmentStep, RecordStepInput, TimelineEntry } from '@zhibu/types';

/** What the step form holds, as typed; turned into the step's input on submit. */
export interface StepFields {
  date: string;
  note: string;
  hours: string;
  endDate: string;
  conclusion: string;
  entitled: string;
  present: string;
  votesFor: string;
  votesAgainst: string;
  /** id → name of the two 培养联系人. */
  sponsors: Map<string, string>;
}

export const VOTE_STEPS = new Set<DevelopmentStep>(['branchVote', 'fullVote']);
export const NOTE_STEPS = new Set<DevelopmentStep>(['activistReview', 'probationReview']);

export const VOTE_FIELDS = [
  ['entitled', '应到人数'],
  ['present', '实到人数'],
  ['votesFor', '赞成票'],
  ['votesAgainst', '反对票'],
] as const;

export const emptyFields = (): StepFields => ({
  date: '',
  note: '',
  hours: '',
  endDate: '',
  conclusion: '',
  entitled: '',
  present: '',
  votesFor: '',
  votesAgainst: '',
  sponsors: new Map(),
});

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The form filled from a recorded entry, for its correction. */
export function fieldsOf(entry: TimelineEntry, sponsors: Map<string, string>): StepFields {
  const f = entry.fields;
  return {
    ...emptyFields(),
    date: entry.date,
    note: text(f.note),
    hours: text(f.hours),
    endDate: text(f.endDate),
    conclusion: text(f.conclusion),
    entitled: text(f.entitled),
    present: text(f.present),
    votesFor: text(f.votesFor),
    votesAgainst: text(f.votesAgainst),
    sponsors: entry.step === 'activist' ? sponsors : new Map(),
  };
}

const whole = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : NaN);

/** What is missing before the form can be sent, in words; null when nothing is. */
export function fieldsProblem(step: DevelopmentStep, f: StepFields): string | null {
  if (!f.date) return step === 'publicity' ? '请选择公示开始日期' : '请选择日期';
  if (step === 'activist' && f.sponsors.size !== 2) return '请选择两名培养联系人';
  if (NOTE_STEPS.has(step) && !f.note.trim()) return '请填写考察情况';
  if (step === 'training' && !(Number(f.hours) > 0)) return '请填写培训学时';
  if (step === 'publicity' && !f.endDate) return '请选择公示结束日期';
  if (VOTE_STEPS.has(step)) {
    const missing = VOTE_FIELDS.find(([key]) => Number.isNaN(whole(f[key])));
    if (missing) return `请填写${missing[1]}（整数）`;
  }
  return null;
}

/** The step's input for `development.record`; call fieldsProblem first. */
export function recordInput(candidateId: string, step: DevelopmentStep, f: StepFields): RecordStepInput {
  const base = { candidateId, date: f.date };
  switch (step) {
    case 'activist':
      return { ...base, step, sponsorIds: [...f.sponsors.keys()] };
    case 'activistReview':
    case 'probationReview':
      return { ...base, step, note: f.note.trim() };
    case 'politicalReview':
      return f.conclusion.trim() ? { ...base, step, conclusion: f.conclusion.trim() } : { ...base, step };
    case 'training':
      return { ...base, step, hours: Number(f.hours) };
    case 'publicity':
      return { ...base, step, endDate: f.endDate };
    case 'branchVote':
    case 'fullVote':
      return {
        ...base,
        step,
        entitled: whole(f.entitled),
        present: whole(f.present),
        votesFor: whole(f.votesFor),
        votesAgainst: whole(f.votesAgainst),
      };
    case 'apply':
      // Recorded by 开始发展程序; only ever corrected.
      throw new Error('apply is recorded by start');
    default:
      return { ...base, step };
  }
}

/** The correction of an entry: the same fields as the step, the entry it replaces and why. */
export function correctInput(
  candidateId: string,
  entry: TimelineEntry,
  f: StepFields,
  reason: string,
): CorrectStepInput {
  const correction = { entryId: entry.entryId, reason: reason.trim() };
  if (entry.step === 'apply') return { candidateId, date: f.date, step: 'apply', ...correction };
  return { ...recordInput(candidateId, entry.step, f), ...correction } as CorrectStepInput;
}
