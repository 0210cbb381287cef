import type { MyRecord } from '@zhibu/types';
import type { RemoteData } from '@/hooks/useRemoteData';
import { Cell, CellGroup } from '@/ui';
import { formatDate } from './format';

const NOT_SET = '未登记';

interface MyRecordCellsProps {
  state: RemoteData<MyRecord>;
  onRetry: () => void;
}

/** The member's own record, in full: a member always sees everything about themselves (branch details: MyBranchCells). */
export function MyRecordCells({ state, onRetry }: MyRecordCellsProps) {
  if (state.status === 'loading') {
    return (
      <CellGroup title="党员信息">
        <Cell label="正在加载…" />
      </CellGroup>
    );
  }
  if (state.status === 'error') {
    return (
      <CellGroup title="党员信息">
        <Cell label={state.message} value="点击重试" onClick={onRetry} />
      </CellGroup>
    );
  }
  const record = state.data;
  return (
    <CellGroup title="党员信息">
      <Cell label="党员身份" value={record.status} />
      <Cell label="职务" value={record.position ?? NOT_SET} />
      <Cell label="入党时间" value={record.joinedPartyAt ? formatDate(record.joinedPartyAt) : NOT_SET} />
      <Cell label="手机号" value={record.phone ?? NOT_SET} />
      {record.exemption ? (
        <Cell
          label="免于参加组织生活"
          value={`${record.exemption.reasonName}，${record.exemption.from} 至 ${record.exemption.to}`}
        />
      ) : null}
    </CellGroup>
  );
}
