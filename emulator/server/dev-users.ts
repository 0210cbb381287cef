import cloud from 'wx-server-sdk';
import { COLLECTIONS, type BranchDoc, type MemberDoc, type Role } from '@zhibu/types';
import { getDocs } from '../../cloudfunctions/core/runtime/documents';

export interface DevUser {
  openid: string;
  name: string;
  roles: Role[];
  branchId: string;
  branchName: string;
}

const PAGE = 100;

/** Every bound demo user, for the H5 picker; read page by page as production limits require. */
export async function listDevUsers(): Promise<DevUser[]> {
  const db = cloud.database();
  const _ = db.command;
  const branches = await getDocs<BranchDoc>(db.collection(COLLECTIONS.branches).limit(PAGE));
  const branchNames = new Map(branches.map((b) => [b._id, b.name]));
  const users: DevUser[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await getDocs<MemberDoc>(
      db
        .collection(COLLECTIONS.members)
        .where({ openid: _.neq(null), active: true })
        // The order of the declared index (active, branchId, createdAt, _id): people by branch.
        .orderBy('branchId', 'asc')
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(PAGE),
    );
    for (const m of page) {
      if (!m.openid) continue;
      users.push({
        openid: m.openid,
        name: m.name,
        roles: m.roles,
        branchId: m.branchId,
        branchName: branchNames.get(m.branchId) ?? '',
      });
    }
    if (page.length < PAGE) return users;
  }
}
