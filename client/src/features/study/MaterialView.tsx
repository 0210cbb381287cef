import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StudyTaskDetail } from '@zhibu/types';

const copy = (text: string) => void Taro.setClipboardData({ data: text });

function openAttachment(url: string | null, name: string) {
  if (!url) {
    void Taro.showToast({ title: '附件暂时无法打开', icon: 'none' });
    return;
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  void Taro.downloadFile({ url }).then(({ tempFilePath }) =>
    Taro.openDocument({ filePath: tempFilePath, showMenu: true }).catch(() =>
      Taro.showToast({ title: `${name} 无法打开`, icon: 'none' }),
    ),
  );
}

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
      {material.attachments.map((file) => (
        <View
          key={file.fileId}
          className="study-material__row"
          hoverClass="study-card--hover"
          onClick={() => openAttachment(file.url, file.name)}
        >
          <Text className="study-material__file">📎 {file.name}</Text>
        </View>
      ))}
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
