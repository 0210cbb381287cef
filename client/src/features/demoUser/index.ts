export { DemoUserPicker } from './DemoUserPicker';
export { groupDemoUsers } from './demoUsers';
