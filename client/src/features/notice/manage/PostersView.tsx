import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticePosters } from '@zhibu/types';
import { useEffect, useState } from 'react';
import { Cell, ErrorState, FormGroup, LoadingState, showFailureToast } from '@/ui';
import { noticeApi } from '../api';
import '../notice.css';

/**
 * 发布权限: the secretary turns posting on or off for each committee member. Each switch saves at
 * once (the whole list, so two taps in a row cannot undo each other on the server).
 */
export function PostersView() {
  const [state, setState] = useState<NoticePosters | 'loading' | string>('loading');
  const [saving, setSaving] = useState(false);

  const load = async () => {
    setState('loading');
    const result = await noticeApi.posters();
    setState(result.ok ? result.data : result.message);
  };
  useEffect(() => {
    void load();
  }, []);

  if (state === 'loading') return <LoadingState />;
  if (typeof state === 'string') return <ErrorState message={state} onRetry={() => void load()} />;
  if (!state.canChange)
    return <ErrorState code="FORBIDDEN" message="只有支部书记可以设置通知发布权限" onRetry={() => void load()} />;

  const toggle = async (memberId: string, on: boolean) => {
    if (saving) return;
    const chosen = state.committee
      .filter((c) => !c.secretary && (c.memberId === memberId ? on : c.allowed))
      .map((c) => c.memberId);
    setSaving(true);
    const result = await noticeApi.setPosters(chosen);
    setSaving(false);
    if (!result.ok) return showFailureToast(result);
    setState(result.data);
    void Taro.showToast({ title: on ? '已允许发布' : '已取消发布权限', icon: 'none' });
  };

  const others = state.committee.filter((c) => !c.secretary);
  return (
    <View className="page">
      <FormGroup
        title="可以发布通知的人"
        footer="支部书记始终可以发布通知。打开开关的支委可以发布、修改、撤回本支部的通知并发送提醒；所有支委都能查看阅读情况。"
      >
        {state.committee
          .filter((c) => c.secretary)
          .map((c) => (
            <Cell key={c.memberId} label={c.name} value={<Text className="notice-posters__note">支部书记</Text>} />
          ))}
        {others.map((c) => (
          <View key={c.memberId} className="form-cell">
            <Text className="form-cell__label notice-posters__name">{c.name}</Text>
            <View style={{ flex: 1 }} />
            <Switch
              checked={c.allowed}
              disabled={saving}
              color="#07c160"
              aria-label={`允许${c.name}发布通知`}
              onChange={(e) => void toggle(c.memberId, e.detail.value)}
            />
          </View>
        ))}
        {others.length === 0 ? <Cell label="本支部暂无其他支委" /> : null}
      </FormGroup>
    </View>
  );
}
