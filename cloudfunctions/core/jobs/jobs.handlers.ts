import type { contracts } from '@zhibu/types';
import { recountMonths } from '../activity/recount';
import { requireAdmin } from '../member/policy';
import { syncYears } from '../stats/rollup-sync';
import { buildBureauRollups } from '../stats/bureau-rollup';
import type { Caller } from '../runtime/caller';
import type { Handlers } from '../runtime/handler';

export const jobsHandlers: Handlers<typeof contracts.jobs> = {
  recount: {
    access: 'member',
    run: async (input, { session }) => {
      requireAdmin(session);
      const result = await recountMonths(input?.months);
      if (!input?.years) return result;
      // After the months: the years are built from what the months say.
      const years = [...new Set(input.years)];
      const synced = await syncYears(years);
      const trends = await buildBureauRollups(years);
      return {
        ...result,
        rollups: { years: input.years, repaired: synced.repaired.length, rolledUp: synced.rolledUp, trends },
      };
    },
  },
};

/** The triggers a function's config.json declares (`triggers[].name`), the only ones it answers. */
export function triggerNames(config: { triggers?: readonly { name?: unknown; type?: unknown }[] }): string[] {
  return (config.triggers ?? [])
    .filter((t) => t.type === 'timer' && typeof t.name === 'string')
    .map((t) => t.name as string);
}

/**
 * A real CloudBase timer trigger: `Type: 'Timer'` with the name of a trigger this function declares,
 * and no user behind it — no OPENID from the platform and no `userInfo`, which CloudBase adds to
 * every call from the mini program. Anything else is an ordinary call and goes through the
 * authenticated action path, so a client cannot start the job by dressing up as the timer.
 */
export function isTimerTrigger(event: unknown, declared: readonly string[], caller: Caller): boolean {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return false;
  const { Type, TriggerName } = event as Record<string, unknown>;
  return (
    Type === 'Timer' &&
    typeof TriggerName === 'string' &&
    declared.includes(TriggerName) &&
    !Object.prototype.hasOwnProperty.call(event, 'userInfo') &&
    caller.openid === null
  );
}
