import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ACTIVITY_PAGES, backToActivities, formatDateTime } from '@/features/activity';
import { afterTitle, Button, LoadingState, SuccessMark } from '@/ui';
import { scanToCheckIn } from './scan';
import { tokenFromText } from './scene';
import { useCheckin, type CheckinState } from './useCheckin';
import './CheckinScreen.css';

const canScan = process.env.TARO_ENV === 'weapp';

const FAILURE_TITLES: Record<string, string> = {
  INVALID_ARGUMENT: '签到码无效',
  FAILED_PRECONDITION: '暂时无法签到',
  FORBIDDEN: '无法签到',
  NOT_FOUND: '没有找到该活动',
  RATE_LIMITED: '请稍后再试',
  INTERNAL: '签到未完成',
};

function failureTitle(state: Extract<CheckinState, { status: 'failed' }>): string {
  if (state.message.includes('过期')) return '签到码已过期';
  if (state.message.includes('签到码无效')) return '签到码无效';
  if (state.message.includes('应到名单')) return '不在应到名单';
  if (state.message.includes('尚未开始')) return '签到尚未开始';
  if (state.message.includes('已结束')) return '签到已结束';
  if (state.message.includes('已取消')) return '活动已取消';
  return FAILURE_TITLES[state.code] ?? '无法签到';
}

function openActivityPage(activityId: string) {
  void Taro.redirectTo({ url: `${ACTIVITY_PAGES.detail}?id=${encodeURIComponent(activityId)}` });
}

/** H5 only: where a member without a camera scanner pastes the QR code's link or the code itself. */
function ManualEntry({ onSubmit }: { onSubmit: (token: string | null) => void }) {
  const [text, setText] = useState('');
  return (
    <>
      <View className="checkin__entry">
        <Input
          className="checkin__input"
          placeholderClass="checkin__placeholder"
          value={text}
          placeholder="粘贴签到链接或签到码"
          confirmType="done"
          onInput={(event) => setText(event.detail.value)}
          onConfirm={() => onSubmit(tokenFromText(text))}
        />
      </View>
      <View className="checkin__actions">
        <Button disabled={text.trim() === ''} onClick={() => onSubmit(tokenFromText(text))}>
          签到
        </Button>
        <Button kind="secondary" onClick={backToActivities}>
          返回活动
        </Button>
      </View>
    </>
  );
}

/**
 * The page a scanned check-in code opens: checks in at once and says so in large type — a green
 * tick with the activity and the time, or exactly why not and what to do.
 */
export function CheckinScreen({ scene }: { scene: string | undefined }) {
  const { state, checkIn, retry } = useCheckin(scene);

  if (state.status === 'checking' || (state.status === 'failed' && state.code === 'UNAUTHENTICATED')) {
    return (
      <View className="checkin">
        <LoadingState text="正在签到…" />
      </View>
    );
  }

  if (state.status === 'done') {
    return (
      <View className="checkin" role="status">
        <View className="checkin__result">
          <SuccessMark />
          <Text className="checkin__title">{state.alreadyCheckedIn ? '您已签到' : '签到成功'}</Text>
          <Text className="checkin__activity">{state.title}</Text>
          <Text className="checkin__time">签到时间 {formatDateTime(state.checkedInAt)}</Text>
          {state.alreadyCheckedIn ? <Text className="checkin__hint">无需重复签到。</Text> : null}
        </View>
        <View className="checkin__actions">
          <Button onClick={backToActivities}>完成</Button>
          <Button kind="secondary" onClick={() => openActivityPage(state.activityId)}>
            查看活动详情
          </Button>
        </View>
      </View>
    );
  }

  if (state.status === 'failed') {
    const networkProblem = state.code === 'INTERNAL' && state.token !== null;
    const title = failureTitle(state);
    const message = afterTitle(title, state.message);
    return (
      <View className="checkin" role="alert">
        <View className="checkin__result">
          <View className="checkin__mark checkin__mark--error">
            <Text className="checkin__mark-text">!</Text>
          </View>
          <Text className="checkin__title">{title}</Text>
          {message ? <Text className="checkin__message">{message}</Text> : null}
        </View>
        {canScan ? (
          <View className="checkin__actions">
            {networkProblem ? <Button onClick={retry}>重试</Button> : null}
            <Button kind={networkProblem ? 'secondary' : 'primary'} onClick={() => void scanToCheckIn(true)}>
              重新扫码
            </Button>
            <Button kind="secondary" onClick={backToActivities}>
              返回活动
            </Button>
          </View>
        ) : (
          <>
            {networkProblem ? (
              <View className="checkin__actions">
                <Button onClick={retry}>重试</Button>
              </View>
            ) : null}
            <ManualEntry onSubmit={(token) => void checkIn(token)} />
          </>
        )}
      </View>
    );
  }

  return (
    <View className="checkin">
      <View className="checkin__result">
        <View className="checkin__mark checkin__mark--scan">
          <Text className="checkin__mark-text">扫</Text>
        </View>
        <Text className="checkin__title">活动签到</Text>
        <Text className="checkin__hint">
          {canScan
            ? '请扫描活动现场屏幕上的签到二维码。二维码每 15 秒更新一次，请扫描最新的。'
            : '请用微信扫描活动现场屏幕上的签到二维码；也可以在下面粘贴签到链接。'}
        </Text>
      </View>
      {canScan ? (
        <View className="checkin__actions">
          <Button onClick={() => void scanToCheckIn(true)}>扫码签到</Button>
          <Button kind="secondary" onClick={backToActivities}>
            返回活动
          </Button>
        </View>
      ) : (
        <ManualEntry onSubmit={(token) => void checkIn(token)} />
      )}
    </View>
  );
}
