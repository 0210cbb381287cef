import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { woffToSfnt } from './woff';

/**
 * The browser tests need nothing from the machine but Node and npm. On Linux x64 the browser is the
 * headless Chromium that `@sparticuz/chromium` ships brotli-packed inside its npm package; the
 * Chinese font is Noto Sans SC from `@fontsource/noto-sans-sc`, served to the pages under test (it
 * never enters the app bundle). `CHROMIUM_PATH` points at any other Chromium instead.
 */
const ROOT = path.resolve(__dirname, '../..');
export const NODE_MODULES = path.join(ROOT, 'node_modules');
const NPM_CHROMIUM = '@sparticuz/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // From @sparticuz/chromium's recommended flags: the same glyph outlines on every machine.
  '--font-render-hinting=none',
];

export interface BrowserBinary {
  /** Where the executable comes from: the npm package, or the developer's CHROMIUM_PATH. */
  source: 'npm' | 'CHROMIUM_PATH';
  executablePath: string;
  /** The npm package's version (its major is the Chromium major); absent for CHROMIUM_PATH. */
  version?: string;
  /** Environment for the browser process (libraries and fonts of the npm browser). */
  env: Record<string, string>;
}

/** Which Chromium the browser tests launch, unpacking the npm one on first use. */
export function browserBinary(): BrowserBinary {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!fs.existsSync(override)) {
      throw new Error(
        `CHROMIUM_PATH is set to ${override}, but there is no file there. Point it at a Chromium or Chrome ` +
          `executable, or unset it on Linux x64 to use ${NPM_CHROMIUM}.`,
      );
    }
    return { source: 'CHROMIUM_PATH', executablePath: override, env: {} };
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The browser tests bring their own Chromium (${NPM_CHROMIUM}) only on Linux x64; this is ` +
        `${process.platform} ${process.arch}. Set CHROMIUM_PATH to a Chromium or Chrome executable, e.g. ` +
        'CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test.',
    );
  }
  const { dir, version } = unpackNpmChromium();
  return {
    source: 'npm',
    version,
    executablePath: path.join(dir, 'chromium'),
    env: {
      // The package's own copies of NSS, NSPR and expat, for machines that lack them.
      LD_LIBRARY_PATH: [path.join(dir, 'al2023/lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      // Only the package's Open Sans and the npm Noto Sans SC: the machine's fonts stay out of reach,
      // so pages render the same everywhere.
      FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    },
  };
}

/**
 * The package unpacks itself into os.tmpdir() and reuses whatever `/tmp/chromium` it finds, of any
 * version, even a half-written one. Here its own `inflate` runs with TMPDIR pointed at a staging
 * folder under node_modules/.cache, which is renamed into place only when complete: concurrent test
 * workers never see a partial browser, and a new package version unpacks beside the old one.
 * Beside it go TrueType copies of the npm Chinese font for fontconfig, so that text the page's
 * fonts do not cover (form controls use the platform font, not the page's) still finds glyphs.
 */
function unpackNpmChromium(): { dir: string; version: string } {
  let entry: string;
  try {
    entry = require.resolve(NPM_CHROMIUM);
  } catch {
    throw new Error(
      `${NPM_CHROMIUM} is not installed: run \`npm install\` (on Linux x64), or set CHROMIUM_PATH to a Chromium executable.`,
    );
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const version = readVersion(packageDir);
  const fontVersion = readVersion(fontsourceDir());
  const dir = path.join(NODE_MODULES, '.cache', 'zhibu-browser', `chromium-${version}+noto-sans-sc-${fontVersion}`);
  if (fs.existsSync(path.join(dir, 'chromium'))) return { dir, version };

  const staging = `${dir}.${process.pid}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  // The package is an ES module; a child Node process imports it (jest's module loader cannot).
  const script = [
    `import { inflate } from '${NPM_CHROMIUM}';`,
    `const bin = process.argv[1];`,
    `await Promise.all(['chromium.br', 'fonts.tar.br', 'al2023.tar.br'].map((f) => inflate(bin + '/' + f)));`,
  ].join('\n');
  execFileSync(process.execPath, ['--input-type=module', '-e', script, path.join(packageDir, 'bin')], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: staging },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const cjkDir = path.join(staging, 'noto-sans-sc');
  fs.mkdirSync(cjkDir);
  const woffDir = path.join(fontsourceDir(), 'files');
  for (const file of fs.readdirSync(woffDir).filter((f) => /-(400|700)-normal\.woff$/.test(f))) {
    fs.writeFileSync(
      path.join(cjkDir, file.replace(/\.woff$/, '.ttf')),
      woffToSfnt(fs.readFileSync(path.join(woffDir, file))),
    );
  }
  fs.writeFileSync(
    path.join(staging, 'fonts.conf'),
    fontconfig([path.join(dir, 'fonts/fonts'), path.join(dir, 'noto-sans-sc')], path.join(dir, 'fontconfig-cache')),
  );
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    // Another worker finished first; its copy is as good as ours.
    if (!fs.existsSync(path.join(dir, 'chromium'))) throw error;
  }
  return { dir, version };
}

function readVersion(packageDir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

function fontsourceDir(): string {
  return path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
}

function fontconfig(fontDirs: string[], cacheDir: string): string {
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...fontDirs.map((fontDir) => `  <dir>${xml(fontDir)}</dir>`),
    `  <cachedir>${xml(cacheDir)}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

export async function launchBrowser(): Promise<Browser> {
  const binary = browserBinary();
  try {
    // launch() gives every run a fresh, throw-away profile.
    return await chromium.launch({
      executablePath: binary.executablePath,
      headless: true,
      args: ARGS,
      env: { ...process.env, ...binary.env },
    });
  } catch (error) {
    const advice =
      binary.source === 'npm'
        ? `The Chromium from ${NPM_CHROMIUM} (Linux x64) did not start on this machine; set CHROMIUM_PATH to a Chromium or Chrome executable instead.`
        : `CHROMIUM_PATH (${binary.executablePath}) did not start; point it at a Chromium or Chrome executable, or unset it on Linux x64 to use ${NPM_CHROMIUM}.`;
    throw new Error(`${advice}\n${(error as Error).message}`);
  }
}

/**
 * Noto Sans SC from npm, under the family name the app's font stack already ends with
 * ('Noto Sans CJK SC', Debian's and Android's name for the same typeface). The faces are split by
 * unicode-range as the package ships them, so a page fetches only the pieces its text needs.
 */
export const TEST_FONT_FAMILY = 'Noto Sans CJK SC';
const FONT_WEIGHTS = [400, 500, 600, 700];
const FONT_ROUTE = '/__test-fonts__/';

interface FontFaceSource {
  file: string;
  weight: string;
  unicodeRange: string;
}

let fontFaces: FontFaceSource[] | undefined;
function testFontFaces(): FontFaceSource[] {
  if (fontFaces) return fontFaces;
  const faces: FontFaceSource[] = [];
  for (const weight of FONT_WEIGHTS) {
    const css = fs.readFileSync(path.join(fontsourceDir(), `${weight}.css`), 'utf8');
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(block)?.[1];
      const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (file && unicodeRange) faces.push({ file, weight: String(weight), unicodeRange: unicodeRange.trim() });
    }
  }
  if (faces.length === 0) throw new Error('@fontsource/noto-sans-sc ships no woff2 faces that this helper can read.');
  fontFaces = faces;
  return faces;
}

/** Every page in the context gets the npm font: files served by a route, faces added before any script runs. */
async function addTestFont(context: BrowserContext): Promise<void> {
  const filesDir = path.join(fontsourceDir(), 'files');
  await context.route(`**${FONT_ROUTE}*.woff2`, (route) => {
    const file = path.basename(new URL(route.request().url()).pathname);
    return route.fulfill({ path: path.join(filesDir, file), contentType: 'font/woff2' });
  });
  await context.addInitScript(
    ({ family, faces, prefix }) => {
      for (const face of faces) {
        document.fonts.add(
          new FontFace(family, `url(${prefix}${face.file}) format('woff2')`, {
            weight: face.weight,
            unicodeRange: face.unicodeRange,
            display: 'block',
          }),
        );
      }
    },
    { family: TEST_FONT_FAMILY, faces: testFontFaces(), prefix: FONT_ROUTE },
  );
}

/** A context with the npm font; every browser test opens its pages through this. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await addTestFont(context);
  return context;
}

/** A phone-sized page, as a member sees the mini program. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await newContext(browser, {
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  return context.newPage();
}

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results/screenshots');

/** Waits out Taro's page transition and the font, then keeps a picture of what the member sees. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(600);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
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
