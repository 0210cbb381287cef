import type { DevelopmentStage, NextStep } from '@zhibu/types';

/** When a next step is due, in words: `2026-12-15 前完成`, `已逾期（2026-11-30 前）`, `2027-03-01 起可办理`. */
export function dueText(next: Pick<NextStep, 'dueBy' | 'earliest' | 'overdue'>): string {
  if (next.dueBy) return next.overdue ? `已逾期（${next.dueBy} 前）` : `${next.dueBy} 前完成`;
  if (next.earliest) return `${next.earliest} 起可办理`;
  return '无时限';
}

/** The stages as the tabs name them: short enough for five tabs on a 320 px screen. */
export const STAGE_TABS: Record<DevelopmentStage, string> = {
  申请入党: '申请人',
  入党积极分子: '积极分子',
  发展对象: '发展对象',
  预备党员: '预备党员',
  正式党员: '已转正',
};

/** A member whose status says they are on the way to full membership: 我的 offers their timeline. */
export const IN_PIPELINE = new Set<string>(['申请入党', '入党积极分子', '发展对象', '预备党员']);

/** Days from one Beijing date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in Beijing on the phone's clock (YYYY-MM-DD). */
export function beijingToday(now: number = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
