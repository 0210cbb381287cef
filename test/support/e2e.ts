import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LocalRuntime } from '../../emulator/runtime';
import { launchBrowser, phonePage, requireH5Build } from './browser';
import { startTestRuntime } from './runtime';
import { startTestServer, type TestServer } from './server';

export const H5_DIR = path.resolve(__dirname, '../../dist/h5');

export interface E2E {
  runtime: LocalRuntime;
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The whole local app as a newcomer starts it: H5 build, demo data, real functions, a browser. */
export async function startE2E(): Promise<E2E> {
  requireH5Build(H5_DIR);
  const browser = await launchBrowser();
  const runtime = await startTestRuntime();
  const server = await startTestServer(runtime, H5_DIR);
  return {
    runtime,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      runtime.close();
    },
  };
}

/** Opens the app on a phone-sized page and picks a demo user by name on the sign-in page. */
export async function signInAs(e2e: E2E, name: string): Promise<Page> {
  const page = await phonePage(e2e.browser);
  await page.goto(`${e2e.server.url}/`);
  await page.getByText('选择演示用户').waitFor();
  await page.getByLabel(`以${name}的身份进入`).click();
  return page;
}
