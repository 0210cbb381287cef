export { duesApi, duesWrites } from './api';
export { duesPages, openDuesPage } from './routes';
export { beijingNow, monthLabel, parseYuan, STATE_NAMES, yuan } from './format';
