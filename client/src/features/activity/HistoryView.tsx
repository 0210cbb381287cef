import { Text, View } from '@tarojs/components';
import type { ActivityType } from '@zhibu/types';
import emptyActivity from '@/assets/empty/activity.png';
import { usePagedList } from '@/hooks/usePagedList';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '@/ui';
import { activityApi } from './api';
import { Badge } from './Badge';
import { ACTIVITY_TYPE_NAMES, type MyState } from './names';
import { openActivity } from './navigation';
import { historyBadge } from './state';
import { formatDateTime } from './time';
import './HistoryView.css';

interface HistoryItem {
  activityId: string;
  title: string;
  type: ActivityType;
  startAt: string;
  state: NonNullable<MyState>;
}

const loadHistory = (page: number, pageSize: number) => activityApi.myAttendance(page, pageSize);
const idOf = (item: HistoryItem) => item.activityId;

/** The member's own attendance, newest first: theirs to see, nobody's to rank. */
export function useHistory() {
  return usePagedList<HistoryItem>(loadHistory, { idOf });
}

export function HistoryView({ history }: { history: ReturnType<typeof useHistory> }) {
  if (history.status === 'loading') return <LoadingState />;
  if (history.status === 'error') {
    return <ErrorState message={history.message} code={history.code} onRetry={() => void history.reload()} />;
  }
  if (history.items.length === 0) {
    return (
      <EmptyState
        image={emptyActivity}
        title="还没有出勤记录"
        description="参加过的支部活动，签到、请假情况都会记录在这里，只有您自己能看到。"
      />
    );
  }
  return (
    <View>
      <Text className="act-history__summary">共 {history.total} 次活动。此记录仅您本人可见。</Text>
      <View className="act-history__list">
        {history.items.map((item) => (
          <View
            key={item.activityId}
            className="act-history__row"
            hoverClass="act-history__row--hover"
            onClick={() => openActivity(item.activityId)}
          >
            <View className="act-history__main">
              <Text className="act-history__title">{item.title}</Text>
              <Text className="act-history__meta">
                {ACTIVITY_TYPE_NAMES[item.type]} · {formatDateTime(item.startAt)}
              </Text>
            </View>
            <Badge badge={historyBadge(item.state)} />
          </View>
        ))}
      </View>
      <ListFooter list={history} />
    </View>
  );
}
