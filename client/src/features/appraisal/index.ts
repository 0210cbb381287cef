export { appraisalApi } from './api';
export { appraisalPages, currentYear, openAppraisalPage } from './routes';
export { formatTeacherCode, isWholeTeacherCode } from './format';
export { GradeTable } from './GradeTable';
export { GradeButtons } from './GradeButtons';
export { YearTabs } from './YearTabs';
