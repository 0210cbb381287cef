import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StudyTaskDetail } from '@zhibu/types';
import { AttachmentList } from '@/features/attachments';

const copy = (text: string) => void Taro.setClipboardData({ data: text });

/** 学习材料: plain text (never HTML), attachments to open, links as text to copy. */
export function MaterialView({ material }: { material: StudyTaskDetail['material'] }) {
  return (
    <View className="study-section">
      <Text className="study-section__title">学习材料</Text>
      {material.text ? (
        <Text className="study-material__text" userSelect>
          {material.text}
        </Text>
      ) : null}
      {material.attachments.length > 0 ? (
        <View className="study-material__files">
          <AttachmentList attachments={material.attachments} />
        </View>
      ) : null}
      {material.links.map((link) => (
        <View key={link} className="study-material__row">
          <Text className="study-material__link" userSelect>
            {link}
          </Text>
          <Text className="study-material__copy" onClick={() => copy(link)}>
            复制链接
          </Text>
        </View>
      ))}
    </View>
  );
}
