export { Button } from './Button';
export { Cell, CellGroup } from './Cell';
export { EmptyState } from './EmptyState';
export { ErrorState, isNoAccess } from './ErrorState';
export { LoadingState } from './LoadingState';
export { showFailureToast } from './toast';
export { ListFooter } from './ListFooter';
export { HomeCard, HomeRow } from './HomeCard';
