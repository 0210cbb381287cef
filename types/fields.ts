import { z } from 'zod';

/** Field formats shared by every contract, each with the sentence a member reads when it is wrong. */
export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');
export const personNameSchema = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(20, '姓名不能超过 20 个字')
  .regex(/^[\u4e00-\u9fa5·A-Za-z\s]+$/, '姓名只能包含汉字、字母和间隔号');
export const mobileSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字');
/** A calendar date in Beijing time, as people write it on a roster. */
export const dateOnlySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)), '日期不存在');
export const keywordSchema = z.string().trim().max(20, '搜索词不能超过 20 个字');

export const pageInputSchema = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}
