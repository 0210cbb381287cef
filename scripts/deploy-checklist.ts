import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../types/records';

/**
 * The go-live checklist for the database and cloud storage, generated from the one declaration of
 * the collections (types/records.ts) and the index file. `npx tsx scripts/deploy-checklist.ts`
 * prints it; `--readme` writes it into README.md between the markers, and a test fails when the
 * README's copy no longer matches (a collection added without its line, say).
 */

const root = path.resolve(__dirname, '..');
const INDEX_FILE = 'cloudfunctions/database-indexes.json';
export const README_START = '<!-- deploy-checklist:start -->';
export const README_END = '<!-- deploy-checklist:end -->';

/**
 * Every collection is read and written by the cloud functions alone: they check who calls and
 * answer only what that caller may see. A client that could read a collection directly would
 * bypass all of it (a member reading `members` would see every phone number).
 */
export const COLLECTION_PERMISSION = '仅管理端可读写';

/** Used only by the local runtime (it stands in for subscribe messages); harmless to create on CloudBase. */
const LOCAL_ONLY: ReadonlySet<string> = new Set([COLLECTIONS.outbox]);

/**
 * Cloud storage rules (bucket-wide on CloudBase; rules cannot name folders). Nobody reads files
 * through the client API: photos are shown through temporary URLs that a function issues after
 * checking the caller may see the record. A signed-in WeChat user may upload, and may overwrite or
 * delete only files they uploaded. Which folder a file sits in is checked by the server when a
 * record refers to it (minutes accept only `minutes/<branchId>/` of their own branch).
 */
export const STORAGE_RULES = { read: false, write: 'resource.openid == auth.openid' } as const;

interface IndexDeclaration {
  collection: string;
  keys: Record<string, 1 | -1>;
}

export interface CollectionCheck {
  name: string;
  permission: string;
  indexes: string[];
  localOnly: boolean;
}

export function collectionChecks(): CollectionCheck[] {
  const declared = JSON.parse(fs.readFileSync(path.join(root, INDEX_FILE), 'utf8')) as {
    indexes: IndexDeclaration[];
  };
  return Object.values(COLLECTIONS).map((name) => ({
    name,
    permission: COLLECTION_PERMISSION,
    indexes: declared.indexes
      .filter((i) => i.collection === name)
      .map((i) =>
        Object.entries(i.keys)
          .map(([key, order]) => `${key} ${order === 1 ? '升序' : '降序'}`)
          .join(' + '),
      ),
    localOnly: LOCAL_ONLY.has(name),
  }));
}

/**
 * The checklist as Markdown. The README holds it without the indexes (they change with every new
 * query and the index file is their one source); the script prints them too.
 */
export function renderChecklist({ indexes }: { indexes: boolean }): string {
  const source = indexes
    ? `，并建立所列索引（来源：\`${INDEX_FILE}\`，\`_id\` 自带索引）`
    : `；索引按 \`${INDEX_FILE}\` 建立（\`npx tsx scripts/deploy-checklist.ts\` 逐个集合列出）`;
  const lines = [
    `云开发控制台 → 数据库：逐个创建下列集合，把每个集合的“权限设置”设为 **${COLLECTION_PERMISSION}**${source}。`,
    '',
    ...collectionChecks().map((c) => {
      const list = c.indexes.length > 0 ? `；索引：${c.indexes.map((i) => `\`${i}\``).join('，')}` : '；无额外索引';
      const note = c.localOnly ? '（仅本地运行环境使用，可不建）' : '';
      return `- [ ] \`${c.name}\`${note}：${c.permission}${indexes ? list : ''}`;
    }),
    '',
    '云开发控制台 → 云存储 → 权限设置：选择“自定义安全规则”，填入：',
    '',
    '```json',
    JSON.stringify(STORAGE_RULES, null, 2),
    '```',
  ];
  return lines.join('\n');
}

export function readmeSection(readme: string): string | null {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + README_START.length, end).trim();
}

function writeReadme(): void {
  const file = path.join(root, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  if (readmeSection(readme) === null) throw new Error(`README.md lacks the ${README_START} … ${README_END} markers`);
  const start = readme.indexOf(README_START) + README_START.length;
  const end = readme.indexOf(README_END);
  fs.writeFileSync(file, `${readme.slice(0, start)}\n\n${renderChecklist({ indexes: false })}\n\n${readme.slice(end)}`);
}

if (require.main === module) {
  if (process.argv.includes('--readme')) writeReadme();
  else console.log(renderChecklist({ indexes: true }));
}
