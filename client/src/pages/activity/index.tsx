import { View } from '@tarojs/components';
import emptyActivity from '@/assets/empty/activity.png';
import { EmptyState } from '@/ui';

export default function ActivityPage() {
  return (
    <View className="page">
      <EmptyState
        image={emptyActivity}
        title="暂无活动"
        description="支部发布三会一课、主题党日等活动后，会显示在这里。"
      />
    </View>
  );
}
