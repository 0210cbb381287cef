import { View } from '@tarojs/components';
import './SuccessMark.css';

/** The one drawn success tick: binding done, check-in done, read the same everywhere. */
export function SuccessMark() {
  return (
    <View className="success-mark" aria-hidden>
      <View className="success-mark__check" />
    </View>
  );
}
