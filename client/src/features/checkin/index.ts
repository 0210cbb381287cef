export { CheckinScreen } from './CheckinScreen';
export { ScanCheckinButton } from './ScanCheckinButton';
export { checkinUrl, scanToCheckIn } from './scan';
export { asToken, tokenFromScan, tokenFromScene, tokenFromText } from './scene';
export { useCheckin } from './useCheckin';
