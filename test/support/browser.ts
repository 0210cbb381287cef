import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; the project never downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install the Debian packages the browser tests need with ` +
        '`bash scripts/install-system-deps.sh` (chromium and fonts-noto-cjk), or set CHROMIUM_PATH.',
    );
  }
  // launch() gives every run a fresh, throw-away profile.
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/** A phone-sized page, as a member sees the mini program. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  return context.newPage();
}

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results/screenshots');

/** Waits out Taro's page transition, then keeps a picture of what the member sees. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(600);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export function requireH5Build(h5Dir: string): void {
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) {
    throw new Error(`No H5 build in ${h5Dir}: run \`npm run build:h5\` first (npm test builds it).`);
  }
}
