import { COLLECTIONS, type MemberDoc } from '@zhibu/types';
import { unauthenticated } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';

/** The bound, active member behind a WeChat user: what every member action starts from. */
export interface Session {
  openid: string;
  member: MemberDoc;
}

/**
 * One read: the member whose `openid` is the caller's. The bindings collection (keyed by openid)
 * is what keeps a WeChat user to one member; this lookup relies on it and on the `openid` index.
 * A member who left (transferred out, deactivated) keeps their record but can no longer act.
 */
export async function loadSession(openid: string): Promise<Session> {
  const [member] = await getDocs<MemberDoc>(
    database().collection(COLLECTIONS.members).where({ openid, active: true }).limit(1),
  );
  if (!member) throw unauthenticated();
  return { openid, member };
}
