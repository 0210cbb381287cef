import type { ActivityDoc, Result } from '@zhibu/types';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import { COLLECTIONS } from '../../support/fixture';

export async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
  return result.data;
}

/** The month (YYYY-MM) of an instant in Beijing. */
export const beijingMonth = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7);

/** The day (YYYY-MM-DD) `days` from now in Beijing. */
export const beijingDay = (days = 0) =>
  new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

export async function expectedIdsOf(activityId: string): Promise<string[]> {
  return (await getDoc<ActivityDoc>(COLLECTIONS.activities, activityId))!.expectedIds;
}
