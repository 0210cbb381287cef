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
});

export const jobsContract = {
  /** Rebuilds the statistics counters from the records and reports any drift (bureau admins). */
  recount: action(
    z
      .object({ months: z.array(monthSchema).min(1).max(24).optional() })
      .strict()
      .optional(),
    recountResultSchema,
  ),
};
