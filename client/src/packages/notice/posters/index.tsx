import { SessionGate } from '@/features/member';
import { PostersView } from '@/features/notice/manage';

/** 通知发布权限: the secretary chooses which committee members may post the branch's notices. */
export default function NoticePostersPage() {
  return <SessionGate>{() => <PostersView />}</SessionGate>;
}
