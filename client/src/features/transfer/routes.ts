/**
 * Addresses of the 组织关系转接 pages (the `packages/transfer` subpackage), kept apart from the pages
 * so that 首页, 我的 and the roster link to them without loading their code.
 */
const ROOT = '/packages/transfer';

export type TransferTab = 'incoming' | 'outgoing' | 'closed';

export const transferPages = {
  list: (tab?: TransferTab) => `${ROOT}/list/index${tab ? `?tab=${tab}` : ''}`,
  /** 转出 of one member: to another branch of the bureau or out of it. */
  start: (memberId: string) => `${ROOT}/start/index?memberId=${encodeURIComponent(memberId)}`,
  /** 转入 from outside the bureau. */
  receive: () => `${ROOT}/receive/index`,
};
