import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActivityDetail } from '@zhibu/types';
import { formatDateTime } from './time';
import './MinutesView.css';

type Minutes = NonNullable<ActivityDetail['minutes']>;

/** The saved 会议记录: text, photos (tap to enlarge), and who saved it when. */
export function MinutesView({ minutes }: { minutes: Minutes }) {
  const urls = minutes.photos.map((p) => p.url).filter((url): url is string => !!url);
  return (
    <View className="act-minutes">
      <Text className="act-minutes__text" userSelect>
        {minutes.text}
      </Text>
      {minutes.photos.length > 0 ? (
        <View className="act-minutes__photos">
          {minutes.photos.map((photo) =>
            photo.url ? (
              <Image
                key={photo.fileId}
                className="act-minutes__photo"
                src={photo.url}
                mode="aspectFill"
                lazyLoad
                onClick={() => void Taro.previewImage({ urls, current: photo.url ?? undefined })}
              />
            ) : (
              <View key={photo.fileId} className="act-minutes__missing">
                图片无法显示
              </View>
            ),
          )}
        </View>
      ) : null}
      <Text className="act-minutes__saved">
        {minutes.savedByName} 于 {formatDateTime(minutes.savedAt)} 保存
      </Text>
    </View>
  );
}
