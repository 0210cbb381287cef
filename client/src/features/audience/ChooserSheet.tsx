import { Input, Text, View } from '@tarojs/components';
import type { Result } from '@zhibu/types';
import { useEffect, useRef, useState } from 'react';
import { usePagedList, type Page } from '@/hooks/usePagedList';
import { Button, ErrorState, ListFooter, LoadingState } from '@/ui';
import './Chooser.css';

export interface ChoiceRow {
  id: string;
  name: string;
  /** A grey note on the right: the party group, the school. */
  note?: string;
}

interface ChooserSheetProps {
  title: string;
  /** id → name of those already chosen (a name may be unknown for a record being edited). */
  chosen: Map<string, string>;
  /** One page of rows; `keyword` is passed when the list searches on the server. */
  load: (page: number, pageSize: number, keyword: string) => Promise<Result<Page<ChoiceRow>>>;
  /** Search the server (a roster) or only filter the rows loaded (a short list of branches). */
  serverSearch: boolean;
  searchPlaceholder: string;
  onDone: (chosen: Map<string, string>) => void;
  onCancel: () => void;
  /** One person at most: a tap replaces the choice instead of adding to it. */
  single?: boolean;
}

const SEARCH_DELAY_MS = 400;
const idOf = (row: ChoiceRow) => row.id;

/** A full-screen list with ticks, a search box and 确定: the 指定党员 and 指定支部 pickers. */
export function ChooserSheet({
  title,
  chosen,
  load,
  serverSearch,
  searchPlaceholder,
  onDone,
  onCancel,
  single = false,
}: ChooserSheetProps) {
  const [picked, setPicked] = useState(() => new Map(chosen));
  const [keyword, setKeyword] = useState('');
  const keywordRef = useRef('');
  const list = usePagedList((page, size) => load(page, size, keywordRef.current), { idOf, pageSize: 50 });
  const { reload } = list;

  // Search as the secretary types, once they pause.
  useEffect(() => {
    if (!serverSearch || keywordRef.current === keyword.trim()) return undefined;
    const timer = setTimeout(() => {
      keywordRef.current = keyword.trim();
      void reload();
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [keyword, reload, serverSearch]);

  const toggle = (row: ChoiceRow) =>
    setPicked((current) => {
      const next = new Map(single ? [] : current);
      if (current.has(row.id)) next.delete(row.id);
      else next.set(row.id, row.name);
      return next;
    });

  const wanted = keyword.trim();
  const rows = serverSearch || !wanted ? list.items : list.items.filter((r) => r.name.includes(wanted));

  return (
    <View className="aud-chooser" catchMove>
      <View className="aud-chooser__head">
        <Text className="aud-chooser__title">{title}</Text>
        <Text className="aud-chooser__picked">已选 {picked.size}</Text>
      </View>
      <View className="aud-chooser__search">
        <Input
          className="aud-chooser__input"
          placeholderClass="aud-chooser__placeholder"
          value={keyword}
          placeholder={searchPlaceholder}
          aria-label={searchPlaceholder}
          confirmType="search"
          onInput={(event) => setKeyword(event.detail.value)}
        />
      </View>
      <View className="aud-chooser__body">
        {list.status === 'loading' ? <LoadingState /> : null}
        {list.status === 'error' ? (
          <ErrorState message={list.message} code={list.code} onRetry={() => void reload()} />
        ) : null}
        {list.status === 'ready' ? (
          <>
            <View className="aud-chooser__list">
              {rows.map((row) => {
                const on = picked.has(row.id);
                return (
                  <View
                    key={row.id}
                    className="aud-chooser__row"
                    hoverClass="aud-chooser__row--hover"
                    role="checkbox"
                    aria-checked={on}
                    aria-label={row.name}
                    onClick={() => toggle(row)}
                  >
                    <View className={`aud-chooser__check${on ? ' aud-chooser__check--on' : ''}`}>{on ? '✓' : ''}</View>
                    <Text className="aud-chooser__name">{row.name}</Text>
                    {row.note ? <Text className="aud-chooser__group">{row.note}</Text> : null}
                  </View>
                );
              })}
            </View>
            {rows.length === 0 ? <Text className="aud-chooser__empty">没有找到“{wanted}”</Text> : null}
            <ListFooter list={list} />
          </>
        ) : null}
      </View>
      <View className="aud-chooser__foot">
        <View className="aud-chooser__foot-item">
          <Button kind="secondary" onClick={onCancel}>
            取消
          </Button>
        </View>
        <View className="aud-chooser__foot-item">
          <Button disabled={picked.size === 0} onClick={() => onDone(picked)}>
            {picked.size > 0 ? `确定（${picked.size}）` : '确定'}
          </Button>
        </View>
      </View>
    </View>
  );
}
