import { Text, View } from '@tarojs/components';
import { useListPage } from '@/hooks/useListPage';
import type { AuditEntry, BranchSummary } from '@zhibu/types';
import { useEffect, useMemo, useState } from 'react';
import emptySearch from '@/assets/empty/search.png';
import { formatDateTime } from '@/features/member';
import { usePagedList } from '@/hooks/usePagedList';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '@/ui';
import { loadAllBranches, orgApi } from './api';
import { describeAudit, type BranchDirectory } from './audit';
import './Audit.css';

function directoryOf(branches: readonly BranchSummary[]): BranchDirectory {
  const byId = new Map(branches.map((b) => [b.branchId, b]));
  return {
    branchName: (id) => byId.get(id)?.name,
    groupName: (branchId, groupId) => byId.get(branchId)?.partyGroups.find((g) => g.id === groupId)?.name,
  };
}

function AuditCard({ entry, directory }: { entry: AuditEntry; directory: BranchDirectory }) {
  const { title, subject, lines } = describeAudit(entry, directory);
  return (
    <View className="audit-card">
      <View className="audit-card__head">
        <Text className="audit-card__title">{title}</Text>
        <Text className="audit-card__time">{formatDateTime(entry.at)}</Text>
      </View>
      <Text className="audit-card__subject">{subject}</Text>
      {lines.length > 0 ? (
        <View className="audit-card__changes">
          {lines.map((line, index) => (
            <Text key={index} className="audit-card__line">
              {line}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

interface AuditLogViewProps {
  branchId?: string;
  targetId?: string;
  /** What the log is about (a branch or member name), shown above it. */
  title?: string;
}

/** 操作记录: every change to people and branches, newest first, who and when and what. */
export function AuditLogView({ branchId, targetId, title }: AuditLogViewProps) {
  const [branches, setBranches] = useState<BranchSummary[]>([]);
  useEffect(() => {
    let live = true;
    void loadAllBranches().then((all) => {
      if (live) setBranches(all);
    });
    return () => {
      live = false;
    };
  }, []);
  const directory = useMemo(() => directoryOf(branches), [branches]);

  const list = usePagedList<AuditEntry>((page, pageSize) => orgApi.auditLog({ page, pageSize, branchId, targetId }), {
    key: `${branchId ?? ''}|${targetId ?? ''}`,
    idOf: (entry) => entry.id,
  });
  useListPage(list);

  return (
    <View className="audit">
      <View className="audit__intro">
        <Text className="audit__title">{title ? `${title} 的操作记录` : '全部操作记录'}</Text>
        <Text className="audit__hint">名册、绑定和支部的每一次变动都记录在此，最新的在前。</Text>
      </View>
      {list.status === 'loading' ? <LoadingState text="正在读取记录" /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState image={emptySearch} title="暂无操作记录" description="名册或支部有变动后，会记录在这里。" />
      ) : null}
      {list.items.map((entry) => (
        <AuditCard key={entry.id} entry={entry} directory={directory} />
      ))}
      <ListFooter list={list} totalText={(n) => `共 ${n} 条记录`} />
    </View>
  );
}
