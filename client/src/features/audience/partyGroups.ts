import { useEffect, useState } from 'react';
import { callFunction } from '@/services';

export interface PartyGroup {
  id: string;
  name: string;
}

/** The party groups (党小组) of a branch the caller may see. */
export async function loadPartyGroups(branchId: string): Promise<PartyGroup[] | null> {
  const result = await callFunction('org', 'branch', { branchId });
  return result.ok ? result.data.partyGroups : null;
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
