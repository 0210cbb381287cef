import type { LoginResult, MyRecord } from '@zhibu/types';
import type { RemoteData } from '@/hooks/useRemoteData';
import { Cell, CellGroup } from '@/ui';

interface MyBranchCellsProps {
  member: LoginResult;
  record: RemoteData<MyRecord>;
}

/** 我的支部: the branch, its schools and the member's party group. */
export function MyBranchCells({ member, record }: MyBranchCellsProps) {
  const ready = record.status === 'ready' ? record.data : null;
  return (
    <CellGroup title="我的支部">
      <Cell label="所在支部" value={member.branchName} />
      {ready && ready.schools.length > 0 ? <Cell label="所在学校" value={ready.schools.join('、')} /> : null}
      {ready ? <Cell label="党小组" value={ready.partyGroupName ?? '未分组'} /> : null}
    </CellGroup>
  );
}
