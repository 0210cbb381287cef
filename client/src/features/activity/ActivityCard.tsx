import { Text, View } from '@tarojs/components';
import type { ActivitySummary } from '@zhibu/types';
import { Badge, TypeTag } from './Badge';
import { stateBadge } from './state';
import { formatTimeRange } from './time';
import './ActivityCard.css';

interface ActivityCardProps {
  activity: ActivitySummary;
  /** The branch committee sees 实到 / 应到 on every row. */
  showCounts: boolean;
  onOpen: (activityId: string) => void;
}

/** One activity in the 活动 list: what, when, where, and where the reader stands. */
export function ActivityCard({ activity, showCounts, onOpen }: ActivityCardProps) {
  const badge = stateBadge(activity.myState, activity);
  const cancelled = activity.status === 'cancelled';
  const now = Date.now();
  const live = !cancelled && Date.parse(activity.startAt) <= now && now <= Date.parse(activity.endAt);
  return (
    <View
      className={`act-card${cancelled ? ' act-card--cancelled' : ''}`}
      hoverClass="act-card--hover"
      aria-label={activity.title}
      onClick={() => onOpen(activity.activityId)}
    >
      <View className="act-card__head">
        <View className="act-card__tags">
          <TypeTag type={activity.type} />
          {live ? <Text className="act-card__live">进行中</Text> : null}
          {activity.pendingLeave > 0 && !cancelled ? (
            <Badge badge={{ text: `${activity.pendingLeave} 人请假待审批`, tone: 'warning' }} />
          ) : null}
        </View>
        {badge ? <Badge badge={badge} /> : null}
      </View>
      <Text className="act-card__title">{activity.title}</Text>
      <View className="act-card__meta">
        <Text className="act-card__meta-label">时间</Text>
        <Text className="act-card__meta-value">{formatTimeRange(activity.startAt, activity.endAt)}</Text>
      </View>
      <View className="act-card__meta">
        <Text className="act-card__meta-label">地点</Text>
        <Text className="act-card__meta-value">{activity.place}</Text>
      </View>
      {showCounts && !cancelled ? (
        <View className="act-card__counts">
          <Text className="act-card__count">
            实到<Text className="act-card__count-number act-card__count-number--present">{activity.present}</Text>
          </Text>
          <Text className="act-card__count">
            应到<Text className="act-card__count-number">{activity.expected}</Text>
          </Text>
          {activity.leave > 0 ? (
            <Text className="act-card__count">
              请假<Text className="act-card__count-number">{activity.leave}</Text>
            </Text>
          ) : null}
          {activity.hasMinutes ? <Text className="act-card__minutes">已有会议记录</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
