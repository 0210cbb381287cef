import { z } from 'zod';
import { action } from './api';

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const recountResultSchema = z.object({
  months: z.array(z.string()),
  activities: z.number().int(),
  drift: z.array(
    z.object({
      activityId: z.string(),
      field: z.enum(['expected', 'present', 'leave', 'minutes', 'missing', 'phantom']),
      recorded: z.number(),
      actual: z.number(),
    }),
  ),
  /** Activities left for a later run: check-in still open, or counters changing while counted. */
  skipped: z.array(z.object({ activityId: z.string(), reason: z.enum(['open', 'busy']) })),
  /** Month documents whose totals disagreed with their entries and were corrected. */
  totals: z.array(z.string()),
  /**
   * With `years`: the year rollups synced from the months (stats/rollup-sync.ts), and the years whose
   * bureau rollups (trend and each branch's totals to every month) were built afresh (stats/bureau-rollup.ts).
   */
  rollups: z
    .object({
      years: z.array(z.string()),
      repaired: z.number().int(),
      rolledUp: z.array(z.string()),
      trends: z.array(z.string()),
    })
    .optional(),
});

export const jobsContract = {
  /** Rebuilds the statistics counters from the records and reports any drift (bureau admins). */
  recount: action(
    z
      .object({
        months: z.array(monthSchema).min(1).max(24).optional(),
        /** Years whose rollups to build from their months, e.g. the years before the rollups existed. */
        years: z
          .array(z.string().regex(/^\d{4}$/, '年份格式应为 YYYY'))
          .min(1)
          .max(10)
          .optional(),
      })
      .strict()
      .optional(),
    recountResultSchema,
  ),
};
