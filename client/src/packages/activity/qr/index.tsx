import { View } from '@tarojs/components';
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { useActivity } from '@/features/activity';
import { QrScreen, useKeepScreenOn } from '@/features/activity/manage';
import { ErrorState, LoadingState } from '@/ui';

/** The secretary's phone at the meeting: the rotating check-in code, kept lit, refreshed only while shown. */
export default function CheckinCodePage() {
  const { params } = useRouter();
  const { state, reload } = useActivity(params.id ?? '');
  const [visible, setVisible] = useState(true);

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  useKeepScreenOn(visible);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    return (
      <View className="page">
        <ErrorState
          message={state.message}
          code={state.code}
          notFoundTitle="该活动不存在或已取消"
          onRetry={() => void reload()}
        />
      </View>
    );
  }
  return <QrScreen activity={state.data} visible={visible} />;
}
