import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { NoticeItem } from '@zhibu/types';
import { useCallback, useEffect, useState } from 'react';
import { HomeCard, HomeRow } from '@/ui';
import { noticeApi } from './api';
import { openNotice, openNoticeList } from './routes';
import { showUnreadBadge } from './unreadBadge';
import './notice.css';

const SHOWN = 3;

/** 首页: the notices the member has not read yet and those waiting for their 签收. */
export function HomeNoticeCard() {
  const [state, setState] = useState<{ todo: NoticeItem[]; unread: number; toConfirm: number } | null>(null);

  const load = useCallback(async () => {
    const result = await noticeApi.list(1, 20);
    if (!result.ok) return;
    const { items, unread, toConfirm } = result.data;
    const todo = items.filter((n) => n.status === 'published' && (!n.read || (n.requireConfirm && !n.confirmed)));
    setState({ todo, unread, toConfirm });
    showUnreadBadge(unread);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    void load();
  });

  const summary =
    state && (state.unread > 0 || state.toConfirm > 0) ? (
      <View className="notice-home__summary">
        {state.unread > 0 ? (
          <Text>
            <Text className="notice-home__count">{state.unread}</Text> 条未读
          </Text>
        ) : null}
        {state.toConfirm > 0 ? (
          <Text>
            <Text className="notice-home__count">{state.toConfirm}</Text> 条待签收
          </Text>
        ) : null}
      </View>
    ) : null;

  return (
    <HomeCard
      title="通知公告"
      more="支部通知"
      onMore={openNoticeList}
      summary={summary}
      empty={state ? '全部已读' : '…'}
    >
      {state?.todo.slice(0, SHOWN).map((n) => (
        <HomeRow
          key={n.noticeId}
          title={n.title}
          badge={
            !n.read ? (
              <View className="notice-card__dot" aria-label="未读" />
            ) : n.requireConfirm && !n.confirmed ? (
              <Text className="notice-home__confirm">待签收</Text>
            ) : undefined
          }
          onClick={() => openNotice(n.noticeId)}
        />
      ))}
    </HomeCard>
  );
}
