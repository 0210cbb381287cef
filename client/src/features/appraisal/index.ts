// What the main package uses (我的's, the bind and login screens' links). The pages are in
// packages/appraisal, which import the api and components from their own files.
export { appraisalPages, openAppraisalPage } from './routes';
