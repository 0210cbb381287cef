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
}

export type FormCheck = { ok: true; input: ActivityInput } | { ok: false; field: FormField; message: string };

const MAX_HOURS = 12;
const DEFAULT_MINUTES = 90;

/** A new activity: starting at the next half hour (Beijing), 90 minutes long, for the whole branch. */
export function emptyForm(now: number = Date.now()): ActivityFormValues {
  const start = nextHalfHour(now);
  let end = start + DEFAULT_MINUTES * 60_000;
  // Keep a late meeting on its own day: the form has one date.
  if (beijingDate(end) !== beijingDate(start)) end = Date.parse(`${beijingDate(start)}T23:59:00+08:00`);
  return {
    type: 'theme_day',
    title: '',
    date: beijingDate(start),
    startTime: beijingClock(start),
    endTime: beijingClock(end),
    place: '',
    agenda: '',
    audienceKind: 'branch',
    partyGroupId: '',
    memberIds: [],
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

/**
 * Checks the form the way the server will, so the secretary reads the problem beside the field
 * instead of after a round trip, and builds the input with +08:00 times.
 */
export function checkForm(values: ActivityFormValues): FormCheck {
  const title = values.title.trim();
  const place = values.place.trim();
  const agenda = values.agenda.trim();
  if (length(title) < 2) return { ok: false, field: 'title', message: '请填写活动名称（至少 2 个字）' };
  if (length(title) > 60) return { ok: false, field: 'title', message: '活动名称不能超过 60 个字' };
  const startAt = toBeijingIso(values.date, values.startTime);
  const endAt = toBeijingIso(values.date, values.endTime);
  const minutes = minutesBetween(values.startTime, values.endTime);
  if (!startAt || !endAt || minutes === null) return { ok: false, field: 'time', message: '请选择日期和时间' };
  if (minutes <= 0) return { ok: false, field: 'time', message: '结束时间应晚于开始时间' };
  if (minutes > MAX_HOURS * 60) return { ok: false, field: 'time', message: `一次活动不超过 ${MAX_HOURS} 小时` };
  if (!place) return { ok: false, field: 'place', message: '请填写活动地点' };
  if (length(place) > 60) return { ok: false, field: 'place', message: '地点不能超过 60 个字' };
  if (length(agenda) > 2000) return { ok: false, field: 'agenda', message: '议程不能超过 2000 字' };
  const audience = audienceOf(values);
  if (!audience) {
    return {
      ok: false,
      field: 'audience',
      message: values.audienceKind === 'group' ? '请选择参加的党小组' : '请选择参加的党员',
    };
  }
  return { ok: true, input: { type: values.type, title, startAt, endAt, place, agenda, audience } };
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
  return patch;
}
