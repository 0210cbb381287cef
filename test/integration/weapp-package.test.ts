import fs from 'node:fs';
import path from 'node:path';
import { weappPackageSizes } from '../../scripts/weapp-size';

/**
 * The weapp build is what a bureau uploads. WeChat refuses a main package over 2 MB; the project's
 * budget is 700 KB so that features have room. Needs `npm run build:weapp` (npm test runs it).
 */
const weappDir = path.resolve(__dirname, '../../dist/weapp');
const MAIN_PACKAGE_BUDGET = 700 * 1024;
const SUBPACKAGE_BUDGET = 1024 * 1024;

interface AppJson {
  pages: string[];
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
    const { main, subpackages } = weappPackageSizes(weappDir);
    expect(main).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
    // The project's budget for each subpackage, charts included (WeChat's own limit is 2 MB).
    for (const size of Object.values(subpackages)) expect(size).toBeLessThanOrEqual(SUBPACKAGE_BUDGET);
    expect(Object.keys(subpackages)).toContain('packages/stats');
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
