import { Text, View } from '@tarojs/components';
import type { DuesOverview } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { duesApi } from '@/features/dues/api';
import { beijingNow, monthLabel, yuan } from '@/features/dues/format';
import '@/features/dues/dues.css';
import { ManagerGate, openSheetUrl } from '@/features/org';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, CellGroup, ErrorState, LoadingState, Segmented, showFailureToast } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

type Field = 'due' | 'collected' | 'arrears';
const FIELDS: { key: Field; label: string }[] = [
  { key: 'due', label: '应缴' },
  { key: 'collected', label: '实缴' },
  { key: 'arrears', label: '欠缴' },
];

/** The bureau's branch × month table of dues owed, collected and in arrears, and the .xlsx for 上缴. */
export default function DuesBureauPage() {
  return <ManagerGate adminOnly>{() => <DuesBureau />}</ManagerGate>;
}

function DuesBureau() {
  const { year } = beijingNow();
  const load = useCallback(() => duesApi.overview(year), [year]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);
  const [field, setField] = useState<Field>('due');
  const [exporting, setExporting] = useState(false);
  const exportSheet = async () => {
    setExporting(true);
    const result = await duesApi.export(year);
    setExporting(false);
    if (!result.ok) return showFailureToast(result);
    await openSheetUrl(result.data);
  };
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  return (
    <View className="page">
      <Segmented value={field} segments={FIELDS} onChange={setField} />
      <CellGroup title={`${year}年各支部${FIELDS.find((f) => f.key === field)!.label}（元）`}>
        <Table data={state.data} field={field} />
      </CellGroup>
      <View className="dues-actions">
        <Button kind="secondary" loading={exporting} onClick={() => void exportSheet()}>
          导出上缴表（Excel）
        </Button>
      </View>
    </View>
  );
}

function Table({ data, field }: { data: DuesOverview; field: Field }) {
  const cellClass = `dues-table__cell${field === 'arrears' ? ' dues-table__cell--arrears' : ''}`;
  return (
    <View className="dues-table">
      <View className="dues-table__row">
        <Text className="dues-table__cell dues-table__cell--name dues-table__cell--head">支部</Text>
        <Text className="dues-table__cell dues-table__cell--head">全年</Text>
        {data.months.map((m) => (
          <Text key={m} className="dues-table__cell dues-table__cell--head">
            {monthLabel(m)}
          </Text>
        ))}
      </View>
      {data.branches.map((b) => (
        <View key={b.branchId} className="dues-table__row">
          <Text className="dues-table__cell dues-table__cell--name">{b.name}</Text>
          <Text className={cellClass}>{yuan(b[field])}</Text>
          {b.cells.map((c) => (
            <Text key={c.month} className={cellClass}>
              {c[field] === 0 ? '—' : yuan(c[field])}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
