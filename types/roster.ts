import { z } from 'zod';
import { action } from './api';
import { idSchema } from './fields';

/** The columns of a roster sheet, in order; import reads them by header, export writes them. */
export const ROSTER_COLUMNS = ['姓名', '性别', '手机号', '党员身份', '入党时间', '党小组', '职务'] as const;

/** About 512 KB of .xlsx: several hundred members, and within the 1 MB request limit once encoded. */
const MAX_FILE_BASE64 = 700_000;

export const rosterRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type RosterRowError = z.infer<typeof rosterRowErrorSchema>;

export const rosterImportInput = z
  .object({
    branchId: idSchema.optional(),
    fileBase64: z.string().min(1, '请选择文件').max(MAX_FILE_BASE64, '文件过大，请分批导入（每次不超过 500 人）'),
    /** `check` validates and reports only; `commit` writes if, and only if, every row is valid. */
    mode: z.enum(['check', 'commit']),
  })
  .strict();

export const rosterImportResult = z.object({
  rows: z.number().int(),
  valid: z.boolean(),
  created: z.number().int(),
  errors: z.array(rosterRowErrorSchema),
});

export const rosterExportInput = z
  .object({
    branchId: idSchema.optional(),
    /** Honoured for bureau admins only; everyone else's export masks phone numbers. */
    includePhone: z.boolean().optional(),
  })
  .strict();

export const rosterExportResult = z.object({
  fileName: z.string(),
  fileBase64: z.string(),
  rows: z.number().int(),
  phonesMasked: z.boolean(),
});

export const rosterContract = {
  import: action(rosterImportInput, rosterImportResult),
  export: action(rosterExportInput, rosterExportResult),
  template: action(z.object({}).strict().optional(), rosterExportResult),
};
