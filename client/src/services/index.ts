export { callFunction, setUnauthenticatedHandler } from './callFunction';
export type { ActionInput, ActionOutput } from './callFunction';
export { listDemoUsers, signInAs, signOut } from './devAuth';
export type { DemoUser } from './devAuth';
export { openDocumentFile, openSheet, openSheetUrl, safeFileName } from './files';
export type { DocumentFormat, SheetFile } from './files';
