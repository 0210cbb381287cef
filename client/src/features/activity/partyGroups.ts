import { useEffect, useState } from 'react';
import { callFunction } from '@/services';

export interface PartyGroup {
  id: string;
  name: string;
}

/** The party groups (党小组) of a branch, from the branch list the caller may see. */
export async function loadPartyGroups(branchId: string): Promise<PartyGroup[] | null> {
  const result = await callFunction('org', 'branches', { page: 1, pageSize: 50 });
  if (!result.ok) return null;
  return result.data.items.find((branch) => branch.branchId === branchId)?.partyGroups ?? [];
}

/** Party groups for a label or a choice; asked for only when `branchId` is given. */
export function usePartyGroups(branchId: string | null): PartyGroup[] | null {
  const [groups, setGroups] = useState<PartyGroup[] | null>(null);
  useEffect(() => {
    if (!branchId) return;
    let live = true;
    void loadPartyGroups(branchId).then((found) => {
      if (live) setGroups(found);
    });
    return () => {
      live = false;
    };
  }, [branchId]);
  return groups;
}
