export { NoticeEditor } from './NoticeEditor';
export { ReceiptsView } from './ReceiptsView';
