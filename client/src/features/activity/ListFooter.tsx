import { Text, View } from '@tarojs/components';
import type { PagedList } from '@/hooks/usePagedList';
import './parts.css';

interface ListFooterProps {
  /** The end of a list is only marked once more than one page was loaded. */
  list: Pick<PagedList<unknown>, 'loadingMore' | 'hasMore' | 'pages' | 'loadMore'>;
}

/** Under a paged list: loading, a tappable 加载更多 (reaching the bottom also loads), or the end. */
export function ListFooter({ list }: ListFooterProps) {
  if (list.loadingMore) {
    return (
      <View className="act-list-footer" aria-busy="true">
        <Text>正在加载…</Text>
      </View>
    );
  }
  if (list.hasMore) {
    return (
      <View className="act-list-footer act-list-footer--more" onClick={() => void list.loadMore()}>
        <Text>加载更多</Text>
      </View>
    );
  }
  if (list.pages < 2) return <View className="act-list-footer" />;
  return (
    <View className="act-list-footer">
      <Text>已全部显示</Text>
    </View>
  );
}
