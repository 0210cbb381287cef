import { View } from '@tarojs/components';
import { DemoUserPicker } from '@/features/demoUser';

export default function LoginPage() {
  return (
    <View className="page">
      <DemoUserPicker />
    </View>
  );
}
