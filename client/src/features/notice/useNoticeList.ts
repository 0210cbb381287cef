import type { NoticeItem } from '@zhibu/types';
import { useState } from 'react';
import { useReloadAfterChanges } from '@/hooks/changes';
import { usePagedList } from '@/hooks/usePagedList';
import { noticeApi, noticeChangeCount } from './api';
import { showUnreadBadge } from './unreadBadge';

/** A member's notices (or the ones they posted), page by page, with the unread count kept on the tab bar. */
export function useNoticeList(box: 'inbox' | 'posted') {
  const [counts, setCounts] = useState({ unread: 0, toConfirm: 0 });
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
  // Coming back after this phone read or changed a notice reloads the list.
  useReloadAfterChanges(noticeChangeCount, () => list.reload());
  return { list, counts };
}
