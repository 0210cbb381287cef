import { View } from '@tarojs/components';
import { useListPage } from '@/hooks/useListPage';
import { HistoryView, useHistory } from '@/features/activity';

export default function AttendanceHistoryPage() {
  const history = useHistory();

  useListPage(history);

  return (
    <View className="page">
      <HistoryView history={history} />
    </View>
  );
}
