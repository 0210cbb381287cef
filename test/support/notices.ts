import type { NoticeDetail, NoticeList, NoticeReceipts } from '@zhibu/types';
import type { Fixture } from './fixture';

/** A committee member of branch A who is not its secretary (seed: 李秀英). */
export const COMMITTEE_A = { memberId: 'b-qhyz-02', openid: 'demo_b-qhyz-02' } as const;

export function noticeInput(overrides: Record<string, unknown> = {}) {
  return { title: '关于开展主题党日活动的通知', body: '各位党员：\n本周五下午召开主题党日活动。', ...overrides };
}

function unwrap<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
  return result.data;
}

export async function postNotice(fx: Fixture, caller: string, overrides: Record<string, unknown> = {}) {
  return unwrap(await fx.call<{ noticeId: string }>(caller, 'notice', 'create', noticeInput(overrides)), 'post')
    .noticeId;
}

export async function inbox(fx: Fixture, caller: string, page = 1, pageSize = 20) {
  return unwrap(await fx.call<NoticeList>(caller, 'notice', 'list', { page, pageSize }), 'list');
}

export async function openNotice(fx: Fixture, caller: string, noticeId: string) {
  return unwrap(await fx.call<NoticeDetail>(caller, 'notice', 'get', { noticeId }), 'get');
}

export async function receiptsOf(fx: Fixture, caller: string, noticeId: string, branchId?: string) {
  return unwrap(
    await fx.call<NoticeReceipts>(caller, 'notice', 'receipts', branchId ? { noticeId, branchId } : { noticeId }),
    'receipts',
  );
}
