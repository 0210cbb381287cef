import type { TransferItem } from '@zhibu/types';

/* The labels repeat the contract's (types/transfer.ts) so the pages do not carry the schema library. */
export const TRANSFER_STATUS_LABELS: Record<TransferItem['status'], string> = {
  pending: '待接收',
  accepted: '已接收',
  returned: '已退回',
  out: '已转出',
  in: '已转入',
};

export function waitingText(item: Pick<TransferItem, 'status' | 'waitingDays'>): string {
  if (item.status === 'pending') return item.waitingDays === 0 ? '今天发出' : `已等待 ${item.waitingDays} 天`;
  return item.waitingDays === 0 ? '当天办结' : `历时 ${item.waitingDays} 天`;
}

/** Where from and where to, in one line. */
export function routeText(item: TransferItem): string {
  if (item.kind === 'out') return `${item.fromBranchName ?? ''} → 局外：${item.place ?? ''}`;
  if (item.kind === 'in') return `局外：${item.place ?? ''} → ${item.toBranchName ?? ''}`;
  return `${item.fromBranchName ?? ''} → ${item.toBranchName ?? ''}`;
}
