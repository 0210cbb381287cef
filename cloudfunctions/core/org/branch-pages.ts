import { COLLECTIONS, type BranchDoc } from '@zhibu/types';
import { pageOf, type SortKey } from '../runtime/documents';

/** The order branches are listed in everywhere: as they were set up. */
const SETUP_ORDER: readonly SortKey[] = [
  ['createdAt', 'asc'],
  ['_id', 'asc'],
];

/** A page of the bureau's branches matching `where`, in the order they were set up. */
export function branchPage(where: object, page: { page: number; pageSize: number }) {
  return pageOf<BranchDoc>(COLLECTIONS.branches, where, SETUP_ORDER, page);
}

/** A page of the active branches' ids and names, in the order they were set up. */
export function activeBranchNames(page: { page: number; pageSize: number }) {
  return pageOf<Pick<BranchDoc, '_id' | 'name'>>(COLLECTIONS.branches, { active: true }, SETUP_ORDER, page, {
    _id: true,
    name: true,
  });
}
