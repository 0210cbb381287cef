// The bureau's and the committee's statistics screens, for the stats subpackage only.
export { BranchView } from './BranchView';
export { DashboardView } from './DashboardView';
export { InspectionView } from './InspectionView';
export { RulesView } from './RulesView';
