import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '@zhibu/types';
import {
  COLLECTION_PERMISSION,
  collectionChecks,
  readmeSection,
  renderChecklist,
  STORAGE_RULES,
} from '../../scripts/deploy-checklist';

const root = path.resolve(__dirname, '../..');

describe('the deployment checklist', () => {
  it('sets every declared collection to admin-only, with its indexes', () => {
    const checks = collectionChecks();
    expect(checks.map((c) => c.name).sort()).toEqual(Object.values(COLLECTIONS).sort());
    for (const check of checks) expect(check.permission).toBe(COLLECTION_PERMISSION);
    expect(COLLECTION_PERMISSION).toBe('仅管理端可读写');
    const printed = renderChecklist({ indexes: true });
    for (const name of Object.values(COLLECTIONS)) expect(printed).toContain(`\`${name}\``);
    expect(checks.find((c) => c.name === COLLECTIONS.members)?.indexes).toContain(
      'openid 升序 + active 升序 + _id 升序',
    );
  });

  it('declares indexes only on declared collections', () => {
    const { indexes } = JSON.parse(
      fs.readFileSync(path.join(root, 'cloudfunctions/database-indexes.json'), 'utf8'),
    ) as { indexes: { collection: string }[] };
    const declared = new Set<string>(Object.values(COLLECTIONS));
    for (const index of indexes) expect(declared).toContain(index.collection);
  });

  it('is what the README says, line for line (regenerate: npx tsx scripts/deploy-checklist.ts --readme)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readmeSection(readme)).toBe(renderChecklist({ indexes: false }));
  });

  it('lets no client read files directly and only the uploader change theirs', () => {
    expect(STORAGE_RULES).toEqual({ read: false, write: 'resource.openid == auth.openid' });
  });
});
