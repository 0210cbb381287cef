import { View } from '@tarojs/components';
import emptyStudy from '@/assets/empty/study.png';
import { EmptyState } from '@/ui';

export default function StudyPage() {
  return (
    <View className="page">
      <EmptyState
        image={emptyStudy}
        title="暂无学习任务"
        description="支部或局党委布置学习任务和理论测试后，会显示在这里。"
      />
    </View>
  );
}
