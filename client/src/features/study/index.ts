// What the main package's pages use. The committee's screens are in ./manage, imported only by the
// study subpackage so that their code stays out of the main package.
export { noteStudyChanged, studyApi, studyChangeCount } from './api';
export { HomeStudyCard } from './HomeStudyCard';
export { NoteEditor } from './NoteEditor';
export { NotesView } from './NotesView';
export { STUDY_PAGES, openCreateTask, openManage, openNotes, openTask } from './navigation';
export { StudyFeedView, type StudyStatus } from './StudyFeedView';
export { TaskDetailView } from './TaskDetailView';
export { useStudyTask } from './useStudyTask';
