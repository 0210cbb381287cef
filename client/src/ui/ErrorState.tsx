import { Text, View } from '@tarojs/components';
import { Button } from './Button';
import './StatusState.css';

interface ErrorStateProps {
  message: string;
  onRetry: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
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
