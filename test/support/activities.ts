import type { ActivityDetail } from '@zhibu/types';
import type { Fixture } from './fixture';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** An activity whose check-in window is open now (started 10 minutes ago, an hour long). */
export function happeningNow(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    title: '11月主题党日',
    type: 'theme_day',
    startAt: iso(now - 10 * MINUTE),
    endAt: iso(now + 50 * MINUTE),
    place: '学校三楼会议室',
    ...overrides,
  };
}

export function startingIn(minutes: number, overrides: Record<string, unknown> = {}) {
  const start = Date.now() + minutes * MINUTE;
  return {
    title: '支部党员大会',
    type: 'party_congress',
    startAt: iso(start),
    endAt: iso(start + 90 * MINUTE),
    place: '会议室',
    ...overrides,
  };
}

export function endedAgo(minutes: number, overrides: Record<string, unknown> = {}) {
  const end = Date.now() - minutes * MINUTE;
  return {
    title: '党课：学习新党章',
    type: 'lecture',
    startAt: iso(end - 60 * MINUTE),
    endAt: iso(end),
    place: '报告厅',
    ...overrides,
  };
}

export async function createActivity(fx: Fixture, caller: string, input: Record<string, unknown>): Promise<string> {
  const result = await fx.call<{ activityId: string }>(caller, 'activity', 'create', input);
  if (!result.ok) throw new Error(`create failed: ${result.message}`);
  return result.data.activityId;
}

export async function tokenFor(fx: Fixture, caller: string, activityId: string): Promise<string> {
  const result = await fx.call<{ token: string }>(caller, 'activity', 'checkinCode', { activityId });
  if (!result.ok) throw new Error(`checkinCode failed: ${result.message}`);
  return result.data.token;
}

export async function detail(fx: Fixture, caller: string, activityId: string): Promise<ActivityDetail> {
  const result = await fx.call<ActivityDetail>(caller, 'activity', 'get', { activityId });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}
