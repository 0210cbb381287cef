import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActivityDetail } from '@zhibu/types';
import { useRef, useState } from 'react';
import { Button, CellGroup, showFailureToast } from '@/ui';
import { noteActivityChanged } from '../api';
import { formatTimeRange } from '../time';
import { manageApi } from './api';
import { MAX_PHOTOS, minutesTemplate, newPhotoKey, roomFor, savedPhotoIds, type PhotoItem } from './photos';
import './MinutesEditor.css';

const MIN_TEXT = 10;
const MAX_TEXT = 20_000;

interface MinutesEditorProps {
  activity: ActivityDetail;
  onSaved: (detail: ActivityDetail) => void;
}

/** 会议记录: the text of the meeting and up to nine photos; saving again replaces what was saved. */
export function MinutesEditor({ activity, onSaved }: MinutesEditorProps) {
  const [text, setText] = useState(activity.minutes?.text ?? '');
  const [photos, setPhotos] = useState<PhotoItem[]>(
    () =>
      activity.minutes?.photos.map((p) => ({
        key: p.fileId,
        src: p.url ?? '',
        fileId: p.fileId,
        status: 'done' as const,
        localPath: null,
      })) ?? [],
  );
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const photosRef = useRef(photos);
  photosRef.current = photos;

  const notStarted = Date.parse(activity.startAt) > Date.now();
  const uploading = photos.some((p) => p.status === 'uploading');

  const update = (key: string, change: Partial<PhotoItem>) =>
    setPhotos((current) => current.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const upload = async (key: string, localPath: string) => {
    update(key, { status: 'uploading' });
    const result = await manageApi.uploadMinutesPhoto(activity.branchId, localPath);
    if (!photosRef.current.some((p) => p.key === key)) return; // removed meanwhile
    if (result.ok) update(key, { status: 'done', fileId: result.data.fileID });
    else {
      update(key, { status: 'failed' });
      showFailureToast(result);
    }
  };

  const choose = async () => {
    const room = roomFor(photosRef.current);
    if (room === 0) return;
    let chosen: string[];
    try {
      const result = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      chosen = result.tempFilePaths.slice(0, room);
    } catch {
      return; // cancelled
    }
    const added = chosen.map((path) => ({
      key: newPhotoKey(),
      src: path,
      fileId: null,
      status: 'uploading' as const,
      localPath: path,
    }));
    setPhotos((current) => [...current, ...added].slice(0, MAX_PHOTOS));
    // One at a time: a phone on school Wi-Fi does better than with nine at once.
    for (const item of added) await upload(item.key, item.src);
  };

  const remove = (key: string) => setPhotos((current) => current.filter((p) => p.key !== key));

  const preview = (item: PhotoItem) => {
    const urls = photos.map((p) => p.src).filter(Boolean);
    void Taro.previewImage({ urls, current: item.src });
  };

  const fillTemplate = () => {
    setText(
      minutesTemplate({
        when: formatTimeRange(activity.startAt, activity.endAt),
        place: activity.place,
        host: activity.createdByName,
        expected: activity.expected,
        present: activity.present,
        leave: activity.leave,
        agenda: activity.agenda,
      }),
    );
  };

  const save = async () => {
    setError('');
    if (text.trim().length < MIN_TEXT) {
      setError(`会议记录至少 ${MIN_TEXT} 个字`);
      return;
    }
    const ids = savedPhotoIds(photos);
    if (!ids) {
      setError(uploading ? '照片还在上传，请稍候' : '有照片上传失败，请点击重试或删除后再保存');
      return;
    }
    setSaving(true);
    const result = await manageApi.saveMinutes(activity.activityId, text.trim(), ids);
    setSaving(false);
    if (!result.ok) {
      setError(result.message);
      showFailureToast(result);
      return;
    }
    noteActivityChanged();
    void Taro.showToast({ title: '会议记录已保存', icon: 'success' });
    onSaved(result.data);
  };

  const short = text.trim().length < MIN_TEXT;

  return (
    <View>
      {notStarted ? (
        <Text className="act-minutes-edit__notice">会议开始后才能保存会议记录，可以先准备好内容。</Text>
      ) : null}
      <CellGroup title="会议内容">
        <View className="act-minutes-edit__text-box">
          <Textarea
            className="act-minutes-edit__textarea"
            placeholderClass="act-minutes-edit__placeholder"
            value={text}
            maxlength={MAX_TEXT}
            autoHeight
            placeholder="记录会议时间、地点、主持人、参加人员、议程、发言摘要和会议决定"
            onInput={(event) => {
              setText(event.detail.value);
              if (error) setError('');
            }}
          />
          <View className="act-minutes-edit__text-foot">
            {text.trim() === '' ? (
              <Text className="act-minutes-edit__template" onClick={fillTemplate}>
                使用记录模板
              </Text>
            ) : (
              <Text />
            )}
            <Text className={`act-minutes-edit__counter${short ? ' act-minutes-edit__counter--short' : ''}`}>
              {short ? `至少 ${MIN_TEXT} 字 · ` : ''}
              {text.length} 字
            </Text>
          </View>
        </View>
      </CellGroup>

      <CellGroup title={`会议照片（${photos.length}/${MAX_PHOTOS}）`}>
        <View className="act-minutes-edit__photos">
          {photos.map((item) => (
            <View key={item.key} className="act-minutes-edit__tile">
              {item.src ? (
                <Image
                  className="act-minutes-edit__image"
                  src={item.src}
                  mode="aspectFill"
                  onClick={() => preview(item)}
                />
              ) : null}
              {item.status === 'uploading' ? <View className="act-minutes-edit__overlay">上传中…</View> : null}
              {item.status === 'failed' && item.localPath ? (
                <View
                  className="act-minutes-edit__overlay act-minutes-edit__overlay--failed"
                  onClick={() => void upload(item.key, item.localPath as string)}
                >
                  <Text>上传失败</Text>
                  <Text>点击重试</Text>
                </View>
              ) : null}
              <View className="act-minutes-edit__remove" aria-label="删除照片" onClick={() => remove(item.key)}>
                ×
              </View>
            </View>
          ))}
          {photos.length < MAX_PHOTOS ? (
            <View
              className="act-minutes-edit__add"
              hoverClass="act-minutes-edit__add--hover"
              aria-label="添加照片"
              onClick={() => void choose()}
            >
              <Text className="act-minutes-edit__add-plus">+</Text>
              <Text className="act-minutes-edit__add-text">添加照片</Text>
            </View>
          ) : null}
        </View>
      </CellGroup>
      <Text className="act-minutes-edit__hint">会议现场照片最多 9 张，上传前会自动压缩。</Text>

      {error ? <Text className="act-minutes-edit__error">{error}</Text> : null}
      <View className="act-minutes-edit__save">
        <Button loading={saving} disabled={notStarted || uploading} onClick={() => void save()}>
          保存会议记录
        </Button>
      </View>
    </View>
  );
}
