import type { NoticeItem } from '@zhibu/types';
import { useRef, useState } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { noticeApi, noticeChangeCount } from './api';
import { showUnreadBadge } from './unreadBadge';

/** A member's notices (or the ones they posted), page by page, with the unread count kept on the tab bar. */
export function useNoticeList(box: 'inbox' | 'posted') {
  const [counts, setCounts] = useState({ unread: 0, toConfirm: 0 });
  const seen = useRef(noticeChangeCount());
  const list = usePagedList<NoticeItem>(
    async (page, pageSize) => {
      const result = await noticeApi.list(page, pageSize, box);
      if (result.ok && box === 'inbox') {
        setCounts({ unread: result.data.unread, toConfirm: result.data.toConfirm });
        showUnreadBadge(result.data.unread);
      }
      return result;
    },
    { key: box, idOf: (n) => n.noticeId },
  );
  /** Reloads when this phone read or changed a notice since the list was loaded. */
  const reloadIfChanged = () => {
    const now = noticeChangeCount();
    if (now !== seen.current) {
      seen.current = now;
      void list.reload();
    }
  };
  return { list, counts, reloadIfChanged };
}
