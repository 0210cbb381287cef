import { NOTICE_CATEGORY_NAMES, type NoticeItem } from '@zhibu/types';

export { NOTICE_CATEGORY_NAMES };

/** 11月25日 15:00 in Beijing time, whatever the phone's zone. */
export function noticeTime(iso: string): string {
  const b = new Date(Date.parse(iso) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** What the reader still has to do with a notice, for its badge. */
export function pendingLabel(
  item: Pick<NoticeItem, 'status' | 'read' | 'requireConfirm' | 'confirmed'>,
): string | null {
  if (item.status === 'withdrawn') return '已撤回';
  if (item.requireConfirm && !item.confirmed) return '待签收';
  if (item.requireConfirm) return '已签收';
  return null;
}

export type BodyPart = { kind: 'text'; text: string } | { kind: 'link'; text: string };

const LINK = /(https?:\/\/[^\s，。；、）)]+)/g;

/** The body's paragraphs, each split into text and links (shown as copyable text, not opened). */
export function paragraphs(body: string): BodyPart[][] {
  return body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) =>
      p
        .split(LINK)
        .filter(Boolean)
        .map((text) => (/^https?:\/\//.test(text) ? { kind: 'link' as const, text } : { kind: 'text' as const, text })),
    );
}

export function rate(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}
