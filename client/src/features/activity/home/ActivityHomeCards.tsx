import type { ActivityHome, ActivitySummary } from '@zhibu/types';
import type { ReactNode } from 'react';
import { Button, HomeCard, HomeRow } from '@/ui';
import { Badge } from '../Badge';
import { typeTag } from '../names';
import {
  backToActivities,
  openActivity,
  openAttendance,
  openCheckinCode,
  openCreateActivity,
  openMinutes,
} from '../navigation';
import { checkinOpen } from '../rules';
import { stateBadge } from '../state';
import { beijingClock, formatTimeRange } from '../time';

const when = (a: ActivitySummary) => `${typeTag(a.type)} · ${formatTimeRange(a.startAt, a.endAt)}`;

/** Everyone's card: today's and the next activities they are expected at, with 扫码签到 while it is open. */
export function MyActivitiesCard({ home, scanButton }: { home: ActivityHome; scanButton: ReactNode }) {
  return (
    <HomeCard title="我的活动" more="活动" onMore={backToActivities} empty="近期没有需要参加的活动">
      {home.mine.map((a) => {
        const badge = stateBadge(a.myState, a);
        const canScan = checkinOpen(a) && (a.myState === 'expected' || a.myState === 'leave');
        return (
          <HomeRow
            key={a.activityId}
            title={a.title}
            meta={`${when(a)} · ${a.place}`}
            badge={badge ? <Badge badge={badge} /> : undefined}
            onClick={() => openActivity(a.activityId)}
            action={canScan ? scanButton : undefined}
          />
        );
      })}
    </HomeCard>
  );
}

/** The branch committee's cards: leave to approve, today's meetings with their QR code, minutes to write. */
export function CommitteeCards({ manage }: { manage: NonNullable<ActivityHome['manage']> }) {
  return (
    <>
      <HomeCard title="待审批的请假" count={manage.pendingLeave} empty="没有待审批的请假">
        {manage.pendingActivities.map((a) => (
          <HomeRow
            key={a.activityId}
            title={a.title}
            meta={formatTimeRange(a.startAt, a.endAt)}
            badge={<Badge badge={{ text: `${a.pendingLeave} 人待审批`, tone: 'warning' }} />}
            onClick={() => openAttendance(a.activityId)}
          />
        ))}
      </HomeCard>
      <HomeCard
        title="今天的活动"
        empty="今天没有活动"
        actions={
          <Button kind="secondary" onClick={openCreateActivity}>
            发起活动
          </Button>
        }
      >
        {manage.today.map((a) => (
          <HomeRow
            key={a.activityId}
            title={a.title}
            meta={`${beijingClock(a.startAt)}–${beijingClock(a.endAt)} · 实到 ${a.present} / 应到 ${a.expected}`}
            badge={
              a.pendingLeave > 0 ? (
                <Badge badge={{ text: `${a.pendingLeave} 人请假待审批`, tone: 'warning' }} />
              ) : undefined
            }
            onClick={() => openActivity(a.activityId)}
            action={
              checkinOpen(a) ? <Button onClick={() => openCheckinCode(a.activityId)}>显示签到二维码</Button> : undefined
            }
          />
        ))}
      </HomeCard>
      {manage.withoutMinutesTotal > 0 ? (
        <HomeCard title="待补会议记录" count={manage.withoutMinutesTotal}>
          {manage.withoutMinutes.map((a) => (
            <HomeRow
              key={a.activityId}
              title={a.title}
              meta={when(a)}
              badge={<Badge badge={{ text: '补记录', tone: 'info' }} />}
              onClick={() => openMinutes(a.activityId)}
            />
          ))}
        </HomeCard>
      ) : null}
    </>
  );
}
