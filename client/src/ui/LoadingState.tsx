import { Text, View } from '@tarojs/components';
import './StatusState.css';

export function LoadingState({ text = '正在加载' }: { text?: string }) {
  return (
    <View className="status-state" aria-busy="true">
      <View className="status-state__spinner" />
      <Text className="status-state__message">{text}</Text>
    </View>
  );
}
