import type { StudyTaskSummary } from '@zhibu/types';

/** How a task's due date reads on a card: 今天截止, 还剩 3 天, 已逾期 2 天. */
export function dueLabel(task: Pick<StudyTaskSummary, 'daysLeft' | 'done' | 'late'>): { text: string; tone: string } {
  if (task.done) return task.late ? { text: '逾期完成', tone: 'warn' } : { text: '已完成', tone: 'done' };
  if (task.daysLeft < 0) return { text: `已逾期 ${-task.daysLeft} 天`, tone: 'overdue' };
  if (task.daysLeft === 0) return { text: '今天截止', tone: 'urgent' };
  return { text: `还剩 ${task.daysLeft} 天`, tone: task.daysLeft <= 2 ? 'urgent' : 'normal' };
}

const OFFSET_MS = 8 * 3600_000;

/** 11月25日, in Beijing. */
export function monthDay(iso: string): string {
  const b = new Date(Date.parse(iso) + OFFSET_MS);
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日`;
}

/** 11月25日 15:00, in Beijing. */
export function monthDayTime(iso: string): string {
  const b = new Date(Date.parse(iso) + OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${monthDay(iso)} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** Characters as the server counts them: code points of the trimmed text. */
export function countChars(text: string): number {
  return [...text.trim()].length;
}
