// The committee's and the bureau's study screens, for the study subpackage only.
export { manageStudyApi } from './api';
export { copyOf, emptyTaskForm } from './form';
export { ManageList, type ManagedTask } from './ManageList';
export { ProgressView } from './ProgressView';
export { ReflectionReview } from './ReflectionReview';
export { TaskForm } from './TaskForm';
