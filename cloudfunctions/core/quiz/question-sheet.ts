import ExcelJS from 'exceljs';
import {
  MAX_IMPORT_ROWS,
  OPTION_LETTERS,
  QUESTION_SHEET_COLUMNS,
  QUESTION_TYPE_LABELS,
  questionInputSchema,
  type QuestionType,
  type QuizQuestion,
} from '@zhibu/types';
import type { QuestionFields } from './questions';
import { readHeaderedSheet, SheetError } from '../runtime/sheet';

export { SheetError };

type Column = (typeof QUESTION_SHEET_COLUMNS)[number];
export interface SheetRow {
  row: number;
  cells: Partial<Record<Column, string>>;
}
export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

/** The first worksheet, by its header row; columns may come in any order, unknown ones are ignored. */
export function readQuestionSheet(file: Buffer): Promise<SheetRow[]> {
  return readHeaderedSheet<Column>(file, QUESTION_SHEET_COLUMNS, (found, dataRows) => {
    for (const required of ['题型', '题干', '答案'] as const)
      if (!found.has(required)) throw new SheetError(`第 1 行应为表头，缺少“${required}”列（可下载导入模板对照）`);
    if (dataRows > MAX_IMPORT_ROWS) throw new SheetError(`一次最多导入 ${MAX_IMPORT_ROWS} 题，请分批导入`);
  });
}

const TYPE_WORDS: Record<string, QuestionType> = {
  单选: 'single',
  单选题: 'single',
  单项选择: 'single',
  单项选择题: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  多项选择: 'multiple',
  多项选择题: 'multiple',
  判断: 'judge',
  判断题: 'judge',
  single: 'single',
  multiple: 'multiple',
  judge: 'judge',
};
const JUDGE_WORDS: Record<string, number> = { 对: 0, 正确: 0, '√': 0, A: 0, 错: 1, 错误: 1, '×': 1, B: 1 };
const DIFFICULTY_WORDS: Record<string, number> = {
  '1': 1,
  '2': 2,
  '3': 3,
  易: 1,
  容易: 1,
  中: 2,
  中等: 2,
  难: 3,
  困难: 3,
};
const JUDGE_OPTIONS = ['对', '错'];

/** Column names of the fields, for row reports. */
function columnOf(path: (string | number)[]): string | null {
  const [field, index] = path;
  if (field === 'type') return '题型';
  if (field === 'stem') return '题干';
  if (field === 'options') return typeof index === 'number' ? `选项${OPTION_LETTERS[index] ?? ''}` : '选项A';
  if (field === 'answer') return '答案';
  if (field === 'explanation') return '解析';
  if (field === 'tags') return '标签';
  if (field === 'difficulty') return '难度';
  return null;
}

/** One row as a question, or the problems that stop it, each naming its row and column. */
export function parseRow({ row, cells }: SheetRow): { question: QuestionFields | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const problem = (column: string | null, message: string) => errors.push({ row, column, message });
  const type = TYPE_WORDS[(cells.题型 ?? '').replace(/\s/g, '')];
  if (!type) problem('题型', '题型应为“单选”“多选”或“判断”');

  const options: string[] = [];
  let gap: string | null = null;
  for (const letter of OPTION_LETTERS) {
    const text = cells[`选项${letter}` as Column];
    if (text && gap) problem(gap, `${gap}为空，但后面还有选项`);
    if (text) options.push(text);
    else gap ??= `选项${letter}`;
  }
  if (type === 'judge' && options.length === 0) options.push(...JUDGE_OPTIONS);

  const rawAnswer = (cells.答案 ?? '').replace(/[\s,，、;；]/g, '').toUpperCase();
  let answer: number[] = [];
  if (!rawAnswer) problem('答案', '请填写答案');
  else if (type === 'judge') {
    const index = JUDGE_WORDS[rawAnswer];
    if (index === undefined) problem('答案', '判断题的答案应为“对”或“错”（或 A / B）');
    else answer = [index];
  } else if (!/^[A-H]+$/.test(rawAnswer)) problem('答案', '答案应写成选项字母，例如 B 或 ACD');
  else answer = [...rawAnswer].map((l) => OPTION_LETTERS.indexOf(l as (typeof OPTION_LETTERS)[number]));

  let difficulty: number | undefined;
  if (cells.难度) {
    difficulty = DIFFICULTY_WORDS[cells.难度];
    if (difficulty === undefined) problem('难度', '难度应为 1、2、3（或 易、中、难）');
  }
  const tags = (cells.标签 ?? '')
    .split(/[\s,，、;；]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (!type || errors.length > 0) return { question: null, errors };

  const parsed = questionInputSchema.safeParse({
    type,
    stem: cells.题干 ?? '',
    options,
    answer,
    ...(cells.解析 ? { explanation: cells.解析 } : {}),
    ...(tags.length ? { tags } : {}),
    ...(difficulty ? { difficulty } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problem(columnOf(issue.path), issue.message);
    return { question: null, errors };
  }
  return { question: parsed.data, errors };
}

const letters = (indexes: number[]) => indexes.map((i) => OPTION_LETTERS[i]).join('');

/** Questions as sheet rows; without keys, 答案 and 解析 stay empty. */
export async function writeQuestionSheet(
  title: string,
  questions: QuizQuestion[],
  withAnswers: boolean,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部通';
  const sheet = workbook.addWorksheet(title.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31) || '题库');
  sheet.columns = QUESTION_SHEET_COLUMNS.map((header) => ({
    header,
    key: header,
    width: header === '题干' || header === '解析' ? 40 : header.startsWith('选项') ? 18 : 10,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const key of ['答案', '难度'] as const) sheet.getColumn(key).numFmt = '@';
  for (const q of questions) {
    const row: Record<string, string> = {
      题型: QUESTION_TYPE_LABELS[q.type],
      题干: q.stem,
      答案: withAnswers ? (q.type === 'judge' ? (q.answer[0] === 0 ? '对' : '错') : letters(q.answer)) : '',
      解析: withAnswers ? q.explanation : '',
      标签: q.tags.join('、'),
      难度: String(q.difficulty),
    };
    q.options.forEach((text, i) => (row[`选项${OPTION_LETTERS[i]}`] = text));
    sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
