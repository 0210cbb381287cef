import { Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { sharedReflectionSchema } from '@zhibu/types';

type Shared = z.infer<typeof sharedReflectionSchema>;

/** 优秀心得: the reflections the committee shared with the branch, shown as plain text. */
export function SharedReflections({ items, showTask = false }: { items: Shared[]; showTask?: boolean }) {
  if (items.length === 0) return null;
  return (
    <View className="study-section">
      <Text className="study-section__title">优秀心得</Text>
      {items.map((item) => (
        <View key={`${item.taskId}-${item.memberName}-${item.sharedAt}`} className="study-shared">
          <View className="study-shared__head">
            <Text className="study-shared__name">{item.memberName}</Text>
            <Text className="study-badge study-badge--excellent">优秀</Text>
          </View>
          {showTask ? <Text className="study-shared__task">{item.taskTitle}</Text> : null}
          <Text className="study-shared__text" userSelect>
            {item.reflection}
          </Text>
        </View>
      ))}
    </View>
  );
}
