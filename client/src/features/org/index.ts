export { AuditLogView } from './AuditLogView';
export { AUDIT_ACTION_LABELS, describeAudit, describeValue } from './audit';
export type { BranchDirectory } from './audit';
export { BranchDetail } from './BranchDetail';
export { BranchForm } from './BranchForm';
export { BranchList } from './BranchList';
export { branchFormProblem, newGroupId, partyGroupsProblem } from './branchForm';
export { DeactivateForm } from './DeactivateForm';
export { ImportReport, problemPlace, sortedProblems } from './ImportReport';
export { InviteView } from './InviteView';
export {
  BRANCH_KIND_LABELS,
  GENDER_OPTIONS,
  LEAVE_REASON_LABELS,
  LEAVE_REASON_OPTIONS,
  MEMBER_STATUS_OPTIONS,
} from './labels';
export { ManagerGate } from './ManagerGate';
export { MemberDetail, toggledRoles } from './MemberDetail';
export { MemberEditor } from './MemberEditor';
export { memberFormProblem, memberPatch } from './memberForm';
export { MergeView, toggleSelection } from './MergeView';
export { officeLabels } from './MemberRow';
export { PartyGroupsEditor } from './PartyGroupsEditor';
export { RosterIo } from './RosterIo';
export { RosterView } from './RosterView';
export { SplitView } from './SplitView';
export { confirm, toastDone } from './confirm';
export { useSheetImport } from './useSheetImport';
export { FilePicker } from './FilePicker';
export { openDocumentFile, openSheet, openSheetUrl, type DocumentFormat } from '@/services';
export type { PickedFile } from './files';
