import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from '@/ui';
import { openCreateActivity } from './navigation';
import './ActivityToolbar.css';

/** The top of the 活动 tab: 扫码签到 for everyone, 发起活动 beside it for the branch committee. */
export function ActivityToolbar({ scanButton, canManage }: { scanButton: ReactNode; canManage: boolean }) {
  return (
    <View className="act-toolbar">
      <View className="act-toolbar__item">{scanButton}</View>
      {canManage ? (
        <View className="act-toolbar__item">
          <Button kind="secondary" onClick={openCreateActivity}>
            发起活动
          </Button>
        </View>
      ) : null}
    </View>
  );
}
