// The branch committee's screens, for the activity subpackage only (keeps them out of the main package).
export { ActivityEditor } from './ActivityEditor';
export { AttendanceView } from './AttendanceView';
export { MinutesEditor } from './MinutesEditor';
export { QrScreen } from './QrScreen';
export { useAttendance } from './useAttendance';
export { useKeepScreenOn } from './useKeepScreenOn';
