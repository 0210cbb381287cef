import { Text, View } from '@tarojs/components';
import './parts.css';

interface ListFooterProps {
  loadingMore: boolean;
  hasMore: boolean;
  /** Pages loaded so far; the end of a list is only marked once more than one page was loaded. */
  pages: number;
  onMore: () => void;
}

/** Under a paged list: loading, a tappable 加载更多 (reaching the bottom also loads), or the end. */
export function ListFooter({ loadingMore, hasMore, pages, onMore }: ListFooterProps) {
  if (loadingMore) {
    return (
      <View className="act-list-footer" aria-busy="true">
        <Text>正在加载…</Text>
      </View>
    );
  }
  if (hasMore) {
    return (
      <View className="act-list-footer act-list-footer--more" onClick={onMore}>
        <Text>加载更多</Text>
      </View>
    );
  }
  if (pages < 2) return <View className="act-list-footer" />;
  return (
    <View className="act-list-footer">
      <Text>已全部显示</Text>
    </View>
  );
}
