import { changeCounter, useReloadAfterChanges } from '@/hooks/changes';

/** Bumped when this phone changes the organisation (a member added, a branch merged). */
const changes = changeCounter();

export const markOrgChanged = changes.mark;

/** Calls `reload` when the page is shown again after the organisation changed elsewhere. */
export const useReloadAfterOrgChanges = (reload: () => unknown) => useReloadAfterChanges(changes.count, reload);
