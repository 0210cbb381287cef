import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserBinary, NODE_MODULES, phonePage, screenshot, TEST_FONT_FAMILY } from '../support/browser';
import { startE2E, type E2E } from '../support/e2e';

/**
 * The browser tests need nothing from the machine: the browser is the one from npm (unless the
 * developer names another with CHROMIUM_PATH), and the Chinese on the pages is drawn with the npm
 * font, while the machine's own fonts are out of the browser's reach.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);
afterAll(() => e2e?.close());

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The fonts Chromium actually drew an element's text with, as its DevTools report them, including
 * the text inside the element's shadow tree (where an input keeps its value).
 */
async function fontsUsedFor(page: Page, id: string): Promise<PlatformFont[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const inside = (node: DomNode): DomNode[] => [
    node,
    ...[...(node.children ?? []), ...(node.shadowRoots ?? [])].flatMap(inside),
  ];
  const element = inside(root).find((node) => {
    const attributes = node.attributes ?? [];
    return attributes.some((value, i) => i % 2 === 0 && value === 'id' && attributes[i + 1] === id);
  });
  if (!element) throw new Error(`no element #${id}`);
  const fonts: PlatformFont[] = [];
  for (const node of inside(element)) {
    fonts.push(...(await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })).fonts);
  }
  await cdp.detach();
  return fonts;
}

const usesNpmBrowser = !process.env.CHROMIUM_PATH;

describe('the browser under test', () => {
  it('is the Chromium unpacked from node_modules, or exactly the one CHROMIUM_PATH names', () => {
    const binary = browserBinary();
    if (usesNpmBrowser) {
      expect(binary.source).toBe('npm');
      expect(binary.executablePath.startsWith(NODE_MODULES + path.sep)).toBe(true);
      // The running browser is that build, not another Chromium found on the machine.
      expect(binary.version).toMatch(/^\d+\./);
      expect(e2e.browser.version().split('.')[0]).toBe(binary.version?.split('.')[0]);
    } else {
      expect(binary).toMatchObject({ source: 'CHROMIUM_PATH', executablePath: process.env.CHROMIUM_PATH });
    }
  });

  it('draws the Chinese on the sign-in page with the npm font', async () => {
    const page = await phonePage(e2e.browser);
    await page.goto(`${e2e.server.url}/`);
    const title = page.getByText('选择演示用户').first();
    await title.waitFor();
    await title.evaluate((el) => el.setAttribute('id', 'title-probe'));
    await screenshot(page, 'sign-in-font');

    const loaded = await page.evaluate(
      (family) =>
        [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family && face.status === 'loaded')
          .length,
      TEST_FONT_FAMILY,
    );
    expect(loaded).toBeGreaterThan(0);

    if (usesNpmBrowser) {
      const fonts = await fontsUsedFor(page, 'title-probe');
      expect(fonts.length).toBeGreaterThan(0);
      // Every glyph of the title came from the web font; none from a font installed on the machine.
      expect(fonts.filter((font) => !font.isCustomFont)).toEqual([]);
      expect(fonts.every((font) => font.familyName.startsWith('Noto Sans SC'))).toBe(true);
    }
    await page.close();
  }, 60_000);

  it('sees no font of the machine: sans-serif is the npm browser’s Open Sans, and Chinese in a form field is the npm font', async () => {
    if (!usesNpmBrowser) {
      // A system browser on the developer's machine uses the developer's fonts by design.
      expect(browserBinary().source).toBe('CHROMIUM_PATH');
      return;
    }
    const page = await phonePage(e2e.browser);
    await page.goto(`${e2e.server.url}/`);
    await page.getByText('选择演示用户').first().waitFor();
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'system-font-probe';
      // Families a Linux, macOS or Windows machine would have; none may be found.
      probe.style.fontFamily = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, 'Noto Sans', sans-serif";
      probe.textContent = 'Branch 2024';
      document.body.appendChild(probe);
    });
    const fonts = await fontsUsedFor(page, 'system-font-probe');
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => font.familyName !== 'Open Sans' || font.isCustomFont)).toEqual([]);

    // Form controls draw with the platform font, not the page's; their Chinese falls back to the npm
    // font's TrueType copies, the only Chinese font the browser can see.
    const search = page.locator('input').first();
    await search.fill('清河');
    await search.evaluate((el) => el.setAttribute('id', 'search-probe'));
    const inputFonts = await fontsUsedFor(page, 'search-probe');
    expect(inputFonts.length).toBeGreaterThan(0);
    expect(inputFonts.filter((font) => !font.familyName.startsWith('Noto Sans SC'))).toEqual([]);
    await page.close();
  }, 60_000);
});
