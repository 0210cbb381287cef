import { useRemoteData } from '@/hooks/useRemoteData';
import { callFunction } from '@/services';

const loadMyRecord = () => callFunction('member', 'me');

/** The caller's own full record (`member.me`), for 我的. */
export function useMyRecord() {
  return useRemoteData(loadMyRecord);
}
