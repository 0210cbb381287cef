import { z, ZodIssueCode, type ZodErrorMap } from 'zod';

/**
 * Chinese messages for validation failures. Both the functions and the client install it, so a
 * member never reads zod's English defaults; schemas that need a more specific sentence say so
 * with their own message.
 */
export const zhErrorMap: ZodErrorMap = (issue) => {
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' ? '必填' : '类型不正确' };
    case ZodIssueCode.invalid_enum_value:
      return { message: `应为以下之一：${issue.options.join('、')}` };
    case ZodIssueCode.unrecognized_keys:
      return { message: `包含不支持的字段：${issue.keys.slice(0, 5).join('、')}` };
    case ZodIssueCode.too_small:
      return {
        message: issue.type === 'string' ? `至少 ${String(issue.minimum)} 个字符` : `不能少于 ${String(issue.minimum)}`,
      };
    case ZodIssueCode.too_big:
      return {
        message:
          issue.type === 'string' ? `不能超过 ${String(issue.maximum)} 个字符` : `不能超过 ${String(issue.maximum)}`,
      };
    case ZodIssueCode.invalid_string:
      return { message: '格式不正确' };
    case ZodIssueCode.invalid_date:
      return { message: '日期不正确' };
    default:
      return { message: '内容不正确' };
  }
};

export function useChineseErrors(): void {
  z.setErrorMap(zhErrorMap);
}
