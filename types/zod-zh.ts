import { z, ZodIssueCode, type ZodErrorMap } from 'zod';

import { ACTIVITY_TYPE_NAMES } from './activity';
import { NOTICE_CATEGORY_NAMES } from './notice';
import { MULTIPLE_RULE_NAMES, QUESTION_TYPE_NAMES } from './quiz';

/**
 * The Chinese names of the English values an enum may take, so that a refused choice is named as
 * the forms name it: the contract's own tables, and the words of the forms for the rest.
 */
export const ENUM_VALUE_NAMES: Readonly<Record<string, string>> = {
  member: '党员',
  secretary: '支部书记',
  admin: '局党委管理员',
  school: '学校党支部',
  office: '机关党支部',
  joint: '联合党支部',
  transfer_out: '组织关系转出',
  deceased: '去世',
  present: '已到',
  absent: '缺席',
  leave: '请假',
  branch: '本支部',
  bureau: '全局',
  members: '指定党员',
  best: '最高分',
  last: '最后一次',
  xlsx: 'Excel 表格',
  docx: 'Word 文档',
  ...NOTICE_CATEGORY_NAMES,
  ...QUESTION_TYPE_NAMES,
  ...MULTIPLE_RULE_NAMES,
  // `committee` reads as the activity type 支委会, the place it is most often chosen.
  ...ACTIVITY_TYPE_NAMES,
};

/** The options as a member reads them: their Chinese names, or nothing when one has no name. */
function optionNames(options: readonly (string | number)[]): string | null {
  const names = options.map((o) => (/^[\u4e00-\u9fff]/.test(String(o)) ? String(o) : ENUM_VALUE_NAMES[String(o)]));
  return names.every(Boolean) ? names.join('、') : null;
}

/**
 * Chinese messages for validation failures. Both the functions and the client install it, so a
 * member never reads zod's English defaults; schemas that need a more specific sentence say so
 * with their own message.
 */
export const zhErrorMap: ZodErrorMap = (issue) => {
  switch (issue.code) {
    case ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' ? '必填' : '类型不正确' };
    case ZodIssueCode.invalid_enum_value: {
      // Never the English values themselves: a member cannot act on "party_congress".
      const names = optionNames(issue.options);
      return { message: names ? `应为以下之一：${names}` : '不是可选的选项' };
    }
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
