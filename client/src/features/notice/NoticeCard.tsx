import { Text, View } from '@tarojs/components';
import type { NoticeItem } from '@zhibu/types';
import { NOTICE_CATEGORY_NAMES, noticeTime, pendingLabel } from './text';
import './notice.css';

interface NoticeCardProps {
  notice: NoticeItem;
  /** The poster's own list: no unread dot nor 签收 state of their own. */
  posted?: boolean;
  onOpen: (noticeId: string) => void;
}

/** One notice in a list: pinned and category tags, an unread dot, what is left to do. */
export function NoticeCard({ notice, posted = false, onOpen }: NoticeCardProps) {
  const withdrawn = notice.status === 'withdrawn';
  const pending = posted ? (withdrawn ? '已撤回' : null) : pendingLabel(notice);
  const unread = !posted && !notice.read && !withdrawn;
  return (
    <View
      className={`notice-card${withdrawn ? ' notice-card--withdrawn' : ''}`}
      hoverClass="notice-card--hover"
      aria-label={notice.title}
      onClick={() => onOpen(notice.noticeId)}
    >
      <View className="notice-card__head">
        {unread ? <View className="notice-card__dot" aria-label="未读" /> : null}
        {notice.pinned ? <Text className="notice-tag notice-tag--pinned">置顶</Text> : null}
        <Text className="notice-tag">{NOTICE_CATEGORY_NAMES[notice.category]}</Text>
        {pending ? (
          <Text className={`notice-tag ${pending === '待签收' ? 'notice-tag--todo' : 'notice-tag--muted'}`}>
            {pending}
          </Text>
        ) : null}
      </View>
      <Text className="notice-card__title">{notice.title}</Text>
      <Text className="notice-card__meta">
        {notice.postedByName} · {noticeTime(notice.publishedAt)}
        {notice.updatedAt && !withdrawn ? ' · 已修改' : ''}
      </Text>
    </View>
  );
}
