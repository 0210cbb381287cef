// Who a post goes to: one chooser for the activity, notice and study forms (their subpackages only).
export { AudienceChooser } from './AudienceChooser';
export {
  AUDIENCE_LABELS,
  audienceOf,
  audienceProblem,
  audienceValue,
  BRANCH_KINDS,
  BUREAU_KINDS,
  chosenSummary,
  isBureauKind,
} from './audience';
export type { AudienceKind, AudienceValue } from './audience';
export { ChooserSheet } from './ChooserSheet';
export type { ChoiceRow } from './ChooserSheet';
export { loadPartyGroups, usePartyGroups } from './partyGroups';
