export { Avatar } from './Avatar';
export { BindPanel } from './BindPanel';
export { bindWithCode, hasWeChatIdentity } from './bind';
export { beijingToday, formatDate, formatDateTime } from './format';
export {
  codeFromScan,
  codeFromScene,
  formatInviteCode,
  INVITE_ALPHABET,
  INVITE_CODE_LENGTH,
  inviteCodeProblem,
  normaliseInviteCode,
} from './inviteCode';
export { BureauShortcutsCard } from './BureauShortcutsCard';
export { ManagementCells } from './ManagementCells';
export { MemberHero } from './MemberHero';
export { MyBranchCells } from './MyBranchCells';
export { MyRecordCells } from './MyRecordCells';
export { newWeChatOpenid, signInAsNewWeChatUser } from './newUser';
export { orgPages } from './orgRoutes';
export { ProfileCard } from './ProfileCard';
export { RoleTags } from './RoleTags';
export { SessionGate } from './SessionGate';
export { canManage, isBureauAdmin, ROLE_LABELS, roleLabels } from './roles';
export { loadSession } from './session';
export type { SessionState } from './session';
export {
  BIND_PAGE,
  enterAsNewMember,
  enterAsUnboundUser,
  afterSignIn,
  goToSignIn,
  HOME_PAGE,
  PICKER_PAGE,
  recheckBinding,
  signOut,
  switchDemoUser,
} from './signIn';
export { useMyRecord } from './useMyRecord';
export { useSession } from './useSession';
