// Attachments of notices and study tasks: one uploader for the forms, one list that opens them.
export { AttachmentList } from './AttachmentList';
export { AttachmentsField } from './AttachmentsField';
export type { FieldAttachment } from './AttachmentsField';
export { extensionLabel, openAttachment } from './open';
export type { OpenableAttachment } from './open';
