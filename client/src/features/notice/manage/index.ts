export { NoticeEditor } from './NoticeEditor';
export { ReceiptsView } from './ReceiptsView';
export { PostersView } from './PostersView';
