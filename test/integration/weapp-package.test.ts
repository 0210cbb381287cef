import fs from 'node:fs';
import path from 'node:path';

/**
 * The weapp build is what a bureau uploads. WeChat refuses a main package over 2 MB; the project's
 * budget is 700 KB so that features have room. Needs `npm run build:weapp` (npm test runs it).
 */
const weappDir = path.resolve(__dirname, '../../dist/weapp');
const MAIN_PACKAGE_BUDGET = 700 * 1024;

function sizeOf(entry: string, skip: Set<string>): number {
  if (skip.has(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(entry).reduce((sum, child) => sum + sizeOf(path.join(entry, child), skip), 0);
}

interface AppJson {
  pages: string[];
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
  tabBar?: { list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[] };
}

describe('the weapp build', () => {
  let app: AppJson;
  beforeAll(() => {
    const appJson = path.join(weappDir, 'app.json');
    if (!fs.existsSync(appJson)) throw new Error('No weapp build in dist/weapp: run `npm run build:weapp` first.');
    app = JSON.parse(fs.readFileSync(appJson, 'utf8')) as AppJson;
  });

  it('keeps its main package within 700 KB (subpackages excluded, as WeChat counts it)', () => {
    const subpackages = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) =>
      path.join(weappDir, p.root),
    );
    const size = sizeOf(weappDir, new Set(subpackages));
    expect(size).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
  });

  it('has the four tabs with PNG icons, and every page compiled', () => {
    expect(app.tabBar?.list.map((t) => t.text)).toEqual(['首页', '活动', '学习', '我的']);
    for (const tab of app.tabBar?.list ?? []) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon).toMatch(/\.png$/);
        expect(fs.existsSync(path.join(weappDir, icon!))).toBe(true);
      }
    }
    for (const page of app.pages) {
      for (const ext of ['.js', '.wxml', '.json']) expect(fs.existsSync(path.join(weappDir, page + ext))).toBe(true);
    }
  });

  it('calls the cloud through Taro.cloud and carries no local-server address', () => {
    const code = fs
      .readdirSync(weappDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(weappDir, f), 'utf8'))
      .join('\n');
    expect(code).toContain('callFunction');
    expect(code).not.toContain('/api/fn/');
    expect(code).not.toContain('/api/dev/');
  });
});
