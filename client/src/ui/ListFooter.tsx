import { Text, View } from '@tarojs/components';
import type { PagedList } from '@/hooks/usePagedList';
import './ListFooter.css';

interface ListFooterProps {
  list: Pick<PagedList<unknown>, 'status' | 'items' | 'total' | 'hasMore' | 'loadingMore' | 'moreFailed' | 'loadMore'>;
  /** How the total reads, e.g. `共 ${n} 人`. */
  totalText?: (total: number) => string;
}

/** The foot of a paged list: loading, more to load (tap works as well as scrolling), or the end. */
export function ListFooter({ list, totalText = (n) => `共 ${n} 条` }: ListFooterProps) {
  if (list.status !== 'ready' || list.items.length === 0) return null;
  if (list.loadingMore) {
    return (
      <View className="list-footer" aria-busy="true">
        <Text className="list-footer__text">正在加载…</Text>
      </View>
    );
  }
  if (list.moreFailed) {
    return (
      <View className="list-footer list-footer--action" onClick={() => void list.loadMore()}>
        <Text className="list-footer__link">加载失败，点击重试</Text>
      </View>
    );
  }
  if (list.hasMore) {
    return (
      <View className="list-footer list-footer--action" onClick={() => void list.loadMore()}>
        <Text className="list-footer__text">
          已显示 {list.items.length} / {list.total}，上拉或点击加载更多
        </Text>
      </View>
    );
  }
  return (
    <View className="list-footer">
      <Text className="list-footer__text">{totalText(list.total)}，已全部显示</Text>
    </View>
  );
}
