import { View } from '@tarojs/components';
import emptyActivity from '@/assets/empty/activity.png';
import { EmptyState, ErrorState, ListFooter, LoadingState, Segmented } from '@/ui';
import { ActivityCard } from './ActivityCard';
import { openActivity } from './navigation';
import type { ActivityFeed } from './useActivityFeed';

const SEGMENTS = [
  { key: 'upcoming' as const, label: '即将开始' },
  { key: 'past' as const, label: '已结束' },
];

function emptyText(scope: ActivityFeed['scope'], canManage: boolean) {
  if (scope === 'past') {
    return { title: '还没有已结束的活动', description: '活动结束后会移到这里，可查看出勤情况和会议记录。' };
  }
  return canManage
    ? { title: '暂无即将开始的活动', description: '点击上方“发起活动”，安排三会一课、主题党日等支部活动。' }
    : { title: '暂无即将开始的活动', description: '支部发布三会一课、主题党日等活动后，会显示在这里。' };
}

/** 即将开始 / 已结束 and the activities under them. */
export function ActivityFeedView({ feed, canManage }: { feed: ActivityFeed; canManage: boolean }) {
  let body;
  if (feed.status === 'loading') body = <LoadingState />;
  else if (feed.status === 'error')
    body = <ErrorState message={feed.message} code={feed.code} onRetry={() => void feed.reload()} />;
  else if (feed.items.length === 0) {
    const text = emptyText(feed.scope, canManage);
    body = <EmptyState image={emptyActivity} title={text.title} description={text.description} />;
  } else {
    body = (
      <>
        {feed.items.map((activity) => (
          <ActivityCard key={activity.activityId} activity={activity} showCounts={canManage} onOpen={openActivity} />
        ))}
        <ListFooter list={feed} />
      </>
    );
  }
  return (
    <View>
      <Segmented segments={SEGMENTS} value={feed.scope} onChange={feed.setScope} />
      {body}
    </View>
  );
}
