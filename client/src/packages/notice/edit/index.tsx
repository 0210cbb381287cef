import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { SessionGate } from '@/features/member';
import { NoticeEditor } from '@/features/notice/manage';

/** 发布通知 (no id) or 编辑通知 (`?id=`), for the branch committee and the bureau. */
export default function NoticeEditPage() {
  const { params } = useRouter();
  const noticeId = params.id ?? '';

  useEffect(() => {
    if (noticeId) void Taro.setNavigationBarTitle({ title: '编辑通知' });
  }, [noticeId]);

  return <SessionGate>{(member) => <NoticeEditor noticeId={noticeId} member={member} />}</SessionGate>;
}
