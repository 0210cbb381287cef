import { Input, Text, View } from '@tarojs/components';
import type { MemberListItem } from '@zhibu/types';
import { useEffect, useRef, useState } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { Button, ErrorState, ListFooter, LoadingState } from '@/ui';
import { manageApi } from './api';
import './MemberChooser.css';

interface MemberChooserProps {
  /** memberId → name of those already chosen (names may be unknown for an activity being edited). */
  chosen: Map<string, string>;
  onDone: (chosen: Map<string, string>) => void;
  onCancel: () => void;
}

const idOf = (m: MemberListItem) => m.memberId;
const SEARCH_DELAY_MS = 400;

/** 指定党员: the branch roster, searchable, paged, with ticks. */
export function MemberChooser({ chosen, onDone, onCancel }: MemberChooserProps) {
  const [picked, setPicked] = useState(() => new Map(chosen));
  const [keyword, setKeyword] = useState('');
  const keywordRef = useRef('');
  const list = usePagedList((page, size) => manageApi.members(page, size, keywordRef.current), {
    idOf,
    pageSize: 50,
  });
  const { reload } = list;

  // Search as the secretary types, once they pause.
  useEffect(() => {
    if (keywordRef.current === keyword.trim()) return undefined;
    const timer = setTimeout(() => {
      keywordRef.current = keyword.trim();
      void reload();
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [keyword, reload]);

  const toggle = (member: MemberListItem) =>
    setPicked((current) => {
      const next = new Map(current);
      if (next.has(member.memberId)) next.delete(member.memberId);
      else next.set(member.memberId, member.name);
      return next;
    });

  return (
    <View className="act-chooser" catchMove>
      <View className="act-chooser__head">
        <Text className="act-chooser__title">选择参加的党员</Text>
        <Text className="act-chooser__picked">已选 {picked.size} 人</Text>
      </View>
      <View className="act-chooser__search">
        <Input
          className="act-chooser__input"
          placeholderClass="act-chooser__placeholder"
          value={keyword}
          placeholder="搜索姓名"
          confirmType="search"
          onInput={(event) => setKeyword(event.detail.value)}
        />
      </View>
      <View className="act-chooser__body">
        {list.status === 'loading' ? <LoadingState /> : null}
        {list.status === 'error' ? (
          <ErrorState message={list.message} code={list.code} onRetry={() => void reload()} />
        ) : null}
        {list.status === 'ready' ? (
          <>
            <View className="act-chooser__list">
              {list.items
                .filter((m) => m.active)
                .map((member) => {
                  const on = picked.has(member.memberId);
                  return (
                    <View
                      key={member.memberId}
                      className="act-chooser__row"
                      hoverClass="act-chooser__row--hover"
                      role="checkbox"
                      aria-checked={on}
                      aria-label={member.name}
                      onClick={() => toggle(member)}
                    >
                      <View className={`act-chooser__check${on ? ' act-chooser__check--on' : ''}`}>
                        {on ? '✓' : ''}
                      </View>
                      <Text className="act-chooser__name">{member.name}</Text>
                      {member.partyGroupName ? (
                        <Text className="act-chooser__group">{member.partyGroupName}</Text>
                      ) : null}
                    </View>
                  );
                })}
            </View>
            <ListFooter list={list} />
          </>
        ) : null}
      </View>
      <View className="act-chooser__foot">
        <View className="act-chooser__foot-item">
          <Button kind="secondary" onClick={onCancel}>
            取消
          </Button>
        </View>
        <View className="act-chooser__foot-item">
          <Button disabled={picked.size === 0} onClick={() => onDone(picked)}>
            {picked.size > 0 ? `确定（${picked.size}）` : '确定'}
          </Button>
        </View>
      </View>
    </View>
  );
}
