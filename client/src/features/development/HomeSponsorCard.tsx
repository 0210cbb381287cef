import { Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { HomeCard, HomeRow } from '@/ui';
import { developmentApi } from './api';
import { dueText } from './format';
import { developmentPages } from './routes';

/**
 * 首页 of a 培养联系人: the candidates they sponsor, each opening the timeline where they write
 * their 考察 notes. Hidden for everyone who sponsors nobody (most members), and on a failure.
 */
export function HomeSponsorCard() {
  const load = useCallback(() => developmentApi.sponsored(), []);
  const { state, reload } = useRemoteData(load);
  useDidShow(() => void reload());
  if (state.status !== 'ready') return null;
  const open = state.data.items.filter((item) => item.stage !== '正式党员');
  if (open.length === 0) return null;
  return (
    <HomeCard
      title="我联系的入党积极分子"
      count={open.length}
      summary={<Text>作为培养联系人，请按时记录考察情况</Text>}
    >
      {open.map((item) => (
        <HomeRow
          key={item.candidateId}
          title={`${item.name} · ${item.stage}`}
          meta={item.next ? `下一步：${item.next.label} · ${dueText(item.next)}` : '暂无待办步骤'}
          onClick={() => void Taro.navigateTo({ url: developmentPages.timeline(item.candidateId) })}
        />
      ))}
    </HomeCard>
  );
}
