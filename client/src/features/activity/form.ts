import type { ActivityDetail, ActivityType, Audience } from '@zhibu/types';
import { beijingClock, beijingDate, minutesBetween, nextHalfHour, toBeijingIso } from './time';

/** What the create / edit form holds: pickers' strings, read as Beijing time. */
export interface ActivityFormValues {
  type: ActivityType;
  title: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:mm` */
  startTime: string;
  /** `HH:mm`, on the same day */
  endTime: string;
  place: string;
  agenda: string;
  audienceKind: Audience['kind'];
  partyGroupId: string;
  memberIds: string[];
  /** Other compliance items the meeting also counts as (never its own type; at most 3). */
  alsoCountsAs: ActivityType[];
}

export type FormField = 'title' | 'time' | 'place' | 'agenda' | 'audience';

export interface ActivityInput {
  type: ActivityType;
  title: string;
  startAt: string;
  endAt: string;
  place: string;
  agenda: string;
  audience: Audience;
  alsoCountsAs: ActivityType[];
}

/** At most this many items one meeting also counts as (types/activity.ts MAX_ALSO_COUNTS_AS). */
export const MAX_ALSO_COUNTS_AS = 3;

/** Picks or drops an item the meeting also counts as; its own type and a fourth pick are refused. */
export function toggleAlso(values: ActivityFormValues, type: ActivityType): ActivityFormValues {
  if (values.alsoCountsAs.includes(type)) {
    return { ...values, alsoCountsAs: values.alsoCountsAs.filter((t) => t !== type) };
  }
  if (type === values.type || type === 'other' || values.alsoCountsAs.length >= MAX_ALSO_COUNTS_AS) return values;
  return { ...values, alsoCountsAs: [...values.alsoCountsAs, type] };
}

export type FormErrors = Partial<Record<FormField, string>>;

export type FormCheck =
  { ok: true; input: ActivityInput } | { ok: false; field: FormField; message: string; errors: FormErrors };

const MAX_HOURS = 12;
/** The server's limits on the form's texts (types/activity.ts). */
export const TEXT_LIMITS = { title: 60, place: 60, agenda: 2000 } as const;
/** A count appears beside a text once it is this close to its limit. */
const NEAR_LIMIT = 0.8;
const DEFAULT_MINUTES = 90;

/**
 * A new activity: starting at the next half hour (Beijing), 90 minutes long, for the whole branch;
 * of `type` when the page was opened for one (本月待办 on 首页 opens 发起支委会).
 */
export function emptyForm(now: number = Date.now(), type: ActivityType = 'theme_day'): ActivityFormValues {
  const start = nextHalfHour(now);
  let end = start + DEFAULT_MINUTES * 60_000;
  // Keep a late meeting on its own day: the form has one date.
  if (beijingDate(end) !== beijingDate(start)) end = Date.parse(`${beijingDate(start)}T23:59:00+08:00`);
  return {
    type,
    title: '',
    date: beijingDate(start),
    startTime: beijingClock(start),
    endTime: beijingClock(end),
    place: '',
    agenda: '',
    audienceKind: 'branch',
    partyGroupId: '',
    memberIds: [],
    alsoCountsAs: [],
  };
}

/** The form filled from an existing activity, for editing. */
export function formFromDetail(detail: ActivityDetail): ActivityFormValues {
  const audience = detail.audience;
  return {
    type: detail.type,
    title: detail.title,
    date: beijingDate(detail.startAt),
    startTime: beijingClock(detail.startAt),
    endTime: beijingClock(detail.endAt),
    place: detail.place,
    agenda: detail.agenda,
    audienceKind: audience.kind,
    partyGroupId: audience.kind === 'group' ? audience.partyGroupId : '',
    memberIds: audience.kind === 'members' ? [...audience.memberIds] : [],
    alsoCountsAs: [...(detail.alsoCountsAs ?? [])],
  };
}

function audienceOf(values: ActivityFormValues): Audience | null {
  switch (values.audienceKind) {
    case 'branch':
      return { kind: 'branch' };
    case 'committee':
      return { kind: 'committee' };
    case 'group':
      return values.partyGroupId ? { kind: 'group', partyGroupId: values.partyGroupId } : null;
    case 'members':
      return values.memberIds.length > 0 ? { kind: 'members', memberIds: [...new Set(values.memberIds)] } : null;
  }
}

// UTF-16 units, as the server (zod) counts them.
const length = (text: string) => text.length;

/** The time problem, if any: said as soon as the end is picked, not only on submit. */
export function timeProblem(values: Pick<ActivityFormValues, 'date' | 'startTime' | 'endTime'>): string | null {
  const minutes = minutesBetween(values.startTime, values.endTime);
  if (!toBeijingIso(values.date, values.startTime) || minutes === null) return '请选择日期和时间';
  if (minutes <= 0) return '结束时间应晚于开始时间';
  if (minutes > MAX_HOURS * 60) return `一次活动不超过 ${MAX_HOURS} 小时`;
  return null;
}

/** Every field's problem at once, in the order the form shows them. */
export function formErrors(values: ActivityFormValues): FormErrors {
  const errors: FormErrors = {};
  const title = values.title.trim();
  const place = values.place.trim();
  if (length(title) < 2) errors.title = '请填写活动名称（至少 2 个字）';
  else if (length(title) > TEXT_LIMITS.title) errors.title = `活动名称不能超过 ${TEXT_LIMITS.title} 个字`;
  if (!place) errors.place = '请填写活动地点';
  else if (length(place) > TEXT_LIMITS.place) errors.place = `地点不能超过 ${TEXT_LIMITS.place} 个字`;
  const time = timeProblem(values);
  if (time) errors.time = time;
  if (!audienceOf(values)) {
    errors.audience = values.audienceKind === 'group' ? '请选择参加的党小组' : '请选择参加的党员';
  }
  if (length(values.agenda.trim()) > TEXT_LIMITS.agenda) errors.agenda = `议程不能超过 ${TEXT_LIMITS.agenda} 字`;
  return errors;
}

/** `58/60` once a text is near its limit, so it never silently stops growing; null before that. */
export function countNearLimit(text: string, limit: number): string | null {
  return length(text) >= Math.floor(limit * NEAR_LIMIT) ? `${length(text)}/${limit}` : null;
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A new start time. When it reaches or passes the end, the end moves with it, keeping the meeting's
 * length (within the form's one day); otherwise the end stays where the secretary put it.
 */
export function withStart(values: ActivityFormValues, startTime: string): ActivityFormValues {
  const before = minutesBetween(values.startTime, values.endTime);
  const after = minutesBetween(startTime, values.endTime);
  if (after === null || after > 0) return { ...values, startTime };
  const length = before !== null && before > 0 ? before : DEFAULT_MINUTES;
  const end = Math.min(toMinutes(startTime) + length, 23 * 60 + 59);
  return { ...values, startTime, endTime: toTime(end) };
}

/**
 * Checks the form the way the server will, so the secretary reads every problem beside its field
 * instead of after a round trip, and builds the input with +08:00 times.
 */
export function checkForm(values: ActivityFormValues): FormCheck {
  const errors = formErrors(values);
  const first = (Object.keys(errors) as FormField[])[0];
  if (first) return { ok: false, field: first, message: errors[first]!, errors };
  const audience = audienceOf(values)!;
  return {
    ok: true,
    input: {
      type: values.type,
      title: values.title.trim(),
      startAt: toBeijingIso(values.date, values.startTime)!,
      endAt: toBeijingIso(values.date, values.endTime)!,
      place: values.place.trim(),
      agenda: values.agenda.trim(),
      audience,
      // A type changed after picking drops itself from the list rather than being refused.
      alsoCountsAs: values.alsoCountsAs.filter((t) => t !== values.type),
    },
  };
}

function sameAudience(a: Audience, b: Audience): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'group' && b.kind === 'group') return a.partyGroupId === b.partyGroupId;
  if (a.kind === 'members' && b.kind === 'members') {
    const left = [...new Set(a.memberIds)].sort();
    const right = [...new Set(b.memberIds)].sort();
    return left.length === right.length && left.every((id, i) => id === right[i]);
  }
  return true;
}

/**
 * Only what changed, for `activity.update`: an unchanged audience is left out so the expected list
 * is not recomputed behind the secretary's back. Times are compared as instants.
 */
export function patchFor(detail: ActivityDetail, input: ActivityInput): Partial<ActivityInput> {
  const patch: Partial<ActivityInput> = {};
  if (input.title !== detail.title) patch.title = input.title;
  if (input.type !== detail.type) patch.type = input.type;
  if (input.place !== detail.place) patch.place = input.place;
  if (input.agenda !== detail.agenda) patch.agenda = input.agenda;
  if (Date.parse(input.startAt) !== Date.parse(detail.startAt)) patch.startAt = input.startAt;
  if (Date.parse(input.endAt) !== Date.parse(detail.endAt)) patch.endAt = input.endAt;
  // The server checks end after start on the patch itself, so a moved meeting sends both.
  if (patch.startAt || patch.endAt) {
    patch.startAt = input.startAt;
    patch.endAt = input.endAt;
  }
  if (!sameAudience(input.audience, detail.audience)) patch.audience = input.audience;
  const before = [...(detail.alsoCountsAs ?? [])].sort().join();
  if ([...input.alsoCountsAs].sort().join() !== before) patch.alsoCountsAs = input.alsoCountsAs;
  return patch;
}
