export { appraisalApi } from './api';
export { appraisalPages, currentYear, openAppraisalPage } from './routes';
export { gradeLine } from './format';
export { GradeButtons } from './GradeButtons';
