import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ErrorCode } from '@zhibu/types';
import { Button } from './Button';
import './StatusState.css';

interface ErrorStateProps {
  message: string;
  onRetry: () => void;
  /** The failure's code: a refusal or a missing record is not something a retry can fix. */
  code?: ErrorCode;
  /** What is missing, for NOT_FOUND: `该活动不存在或已取消`. */
  notFoundTitle?: string;
}

/** Codes that say "you may not see this" or "this is not there": asking again gives the same answer. */
export const isNoAccess = (code: ErrorCode | undefined): code is 'FORBIDDEN' | 'NOT_FOUND' =>
  code === 'FORBIDDEN' || code === 'NOT_FOUND';

function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/index/index' });
}

/**
 * A page that could not load. A network or server failure offers 重新加载; a refusal or a missing
 * record reads as what it is (没有权限查看 / 不存在), with a way back and no pointless retry.
 */
export function ErrorState({ message, onRetry, code, notFoundTitle = '内容不存在或已删除' }: ErrorStateProps) {
  if (isNoAccess(code)) {
    return (
      <View className="status-state" role="alert">
        <View className="status-state__mark status-state__mark--muted">
          <Text className="status-state__mark-text">!</Text>
        </View>
        <Text className="status-state__title">{code === 'FORBIDDEN' ? '没有权限查看' : notFoundTitle}</Text>
        <Text className="status-state__message">{message}</Text>
        <View className="status-state__action">
          <Button kind="secondary" onClick={goBack}>
            返回
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className="status-state" role="alert">
      <View className="status-state__mark status-state__mark--error">
        <Text className="status-state__mark-text">!</Text>
      </View>
      <Text className="status-state__title">加载失败</Text>
      <Text className="status-state__message">{message}</Text>
      <View className="status-state__action">
        <Button onClick={onRetry}>重新加载</Button>
      </View>
    </View>
  );
}
