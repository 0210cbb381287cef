import type { SecretaryTrainingItem } from '@zhibu/types';

export const STATUS_TEXT: Record<SecretaryTrainingItem['status'], string> = {
  done: '已完成',
  due: '进行中',
  overdue: '已逾期',
};

/** 已培训 1 / 2 次 · 进行中，还需 1 次 */
export function countText(item: SecretaryTrainingItem): string {
  const tail = item.status === 'due' ? `，还需 ${item.needed} 次` : '';
  return `已培训 ${item.trained} / ${item.required} 次 · ${STATUS_TEXT[item.status]}${tail}`;
}

export const termText = (item: Pick<SecretaryTrainingItem, 'startDate' | 'endDate'>) =>
  `${item.startDate} 至 ${item.endDate ?? '今'}`;

export const dateRange = (start: string, end: string) => (start === end ? start : `${start} 至 ${end}`);
