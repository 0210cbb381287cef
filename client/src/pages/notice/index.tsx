import { View } from '@tarojs/components';
import { useState } from 'react';
import { useListPage } from '@/hooks/useListPage';
import { Segmented } from '@/ui';
import { canManage, SessionGate } from '@/features/member';
import { askForNoticeReminder, NoticeListView, NoticeToolbar, useNoticeList } from '@/features/notice';

type Box = 'inbox' | 'posted';

/** 通知公告: the member's notices, pinned first; the committee and the bureau also see what they posted. */
export default function NoticeListPage() {
  const [box, setBox] = useState<Box>('inbox');
  const inbox = useNoticeList('inbox');
  const posted = useNoticeList('posted');
  const current = box === 'inbox' ? inbox : posted;

  useListPage(current.list);

  return (
    <SessionGate>
      {(member) => {
        const manager = canManage(member.roles);
        return (
          <View onClick={() => void askForNoticeReminder()}>
            {manager ? (
              <>
                <NoticeToolbar roles={member.roles} />
                <Segmented<Box>
                  segments={[
                    { key: 'inbox', label: '收到的', count: inbox.counts.unread || undefined },
                    { key: 'posted', label: '我发布的' },
                  ]}
                  value={box}
                  onChange={setBox}
                />
              </>
            ) : null}
            <NoticeListView list={current.list} posted={box === 'posted'} />
          </View>
        );
      }}
    </SessionGate>
  );
}
