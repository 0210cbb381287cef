import { Image, Text, View } from '@tarojs/components';
import type { ActivityDetail } from '@zhibu/types';
import { afterTitle, Button, isNoAccess, LoadingState } from '@/ui';
import { openAttendance } from '../navigation';
import { secondsLeft } from '../qrTiming';
import { beijingClock, formatDateTime, formatTimeRange } from '../time';
import { useCheckinCode, useNow } from './useCheckinCode';
import './QrScreen.css';

const SLOT_SECONDS = 15;

function Counts({ counts }: { counts: { expected: number; present: number } | null }) {
  return (
    <View className="act-qr__counts" aria-live="polite">
      <View className="act-qr__count">
        <Text className="act-qr__count-number act-qr__count-number--present" aria-label="实到人数">
          {counts ? counts.present : '–'}
        </Text>
        <Text className="act-qr__count-label">实到</Text>
      </View>
      <View className="act-qr__count">
        <Text className="act-qr__count-number" aria-label="应到人数">
          {counts ? counts.expected : '–'}
        </Text>
        <Text className="act-qr__count-label">应到</Text>
      </View>
    </View>
  );
}

/**
 * The secretary's phone, held up to the room: the code that changes every 15 seconds, how long
 * the current one has left, and the head count as people check in.
 */
export function QrScreen({ activity, visible }: { activity: ActivityDetail; visible: boolean }) {
  const { state, counts, reload } = useCheckinCode(activity.activityId, visible);
  const now = useNow(state.status === 'showing');

  let card;
  if (state.status === 'loading') {
    card = <LoadingState text="正在生成签到二维码" />;
  } else if (state.status === 'showing') {
    const left = secondsLeft(state.code.deadline, now);
    card = (
      <>
        {state.code.qrImage ? (
          <Image
            className={`act-qr__image${state.offline ? ' act-qr__image--stale' : ''}`}
            src={state.code.qrImage}
            mode="aspectFit"
            showMenuByLongpress={false}
            aria-label="签到二维码"
          />
        ) : (
          <View className="act-qr__no-image">二维码图片生成失败，正在重试…</View>
        )}
        <Text className="act-qr__scan-hint">请用微信扫一扫签到</Text>
        <Text className={`act-qr__countdown${state.offline ? ' act-qr__countdown--offline' : ''}`}>
          {state.offline ? '网络不稳定，正在重新获取二维码…' : `二维码每 15 秒更新 · ${left} 秒后更新`}
        </Text>
        <View className="act-qr__progress">
          <View className="act-qr__progress-bar" style={{ width: `${Math.min(100, (left / SLOT_SECONDS) * 100)}%` }} />
        </View>
      </>
    );
  } else if (state.status === 'closed') {
    const early = Date.now() < Date.parse(activity.checkinOpensAt);
    const hours = `${formatDateTime(activity.checkinOpensAt)} 至 ${beijingClock(activity.checkinClosesAt)}`;
    let hint: string;
    if (state.opensAt) hint = `将于 ${formatDateTime(state.opensAt)} 开放签到，届时二维码会自动显示，请保持本页打开。`;
    else if (early) hint = `签到时间：${hours}。届时再打开本页即可显示二维码。`;
    else hint = '没能扫码的党员，可以在“出勤情况”中手工补记出勤。';
    const title = activity.status === 'cancelled' ? '活动已取消' : early ? '签到尚未开始' : '签到已结束';
    // The server's sentence often starts with the title; said once, and left out when the hint says it all.
    const message = afterTitle(title, state.message);
    card = (
      <View className="act-qr__closed" role="alert">
        <Text className="act-qr__closed-title">{title}</Text>
        {message && !hint.includes(message) ? <Text className="act-qr__closed-message">{message}</Text> : null}
        <Text className="act-qr__closed-hint">{hint}</Text>
      </View>
    );
  } else {
    card = (
      <View className="act-qr__closed" role="alert">
        <Text className="act-qr__closed-title">
          {state.code === 'FORBIDDEN' ? '没有权限显示签到码' : '无法显示二维码'}
        </Text>
        <Text className="act-qr__closed-message">{state.message}</Text>
      </View>
    );
  }

  return (
    <View className="act-qr">
      <View className="act-qr__band">
        <Text className="act-qr__title">{activity.title}</Text>
        <Text className="act-qr__when">{formatTimeRange(activity.startAt, activity.endAt)}</Text>
        <Text className="act-qr__when">{activity.place}</Text>
      </View>
      <View className="act-qr__card">{card}</View>
      <Counts counts={counts ?? { expected: activity.expected, present: activity.present }} />
      <View className="act-qr__actions">
        <View className="act-qr__action">
          <Button kind="secondary" onClick={() => openAttendance(activity.activityId)}>
            出勤情况
          </Button>
        </View>
        {/* Asking again cannot change a refusal or bring back a deleted activity. */}
        {state.status === 'error' && !isNoAccess(state.code) ? (
          <View className="act-qr__action">
            <Button onClick={reload}>重新获取</Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}
