import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles each cloud function (a folder of cloudfunctions/ with an index.ts, `core` excepted) into
 * dist/cloudfunctions/<name>/ with the shared domain code inlined and wx-server-sdk left as the one
 * dependency, so every folder deploys as it is with `tcb fn deploy` or WeChat devtools.
 */
const root = path.resolve(__dirname, '..');
const sourceDir = path.join(root, 'cloudfunctions');
const outDir = path.join(root, 'dist/cloudfunctions');

const rootDependencies = (
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
).dependencies;
const sdkVersion = rootDependencies['wx-server-sdk'];

/**
 * Packages a function installs at deploy time instead of inlining (listed in its
 * runtime-dependencies.json), pinned to the versions the tests ran with. Only for large libraries
 * that would blow the bundle budget, such as the .xlsx reader.
 */
function runtimeDependencies(name: string): Record<string, string> {
  const file = path.join(sourceDir, name, 'runtime-dependencies.json');
  const names = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as string[]) : [];
  return Object.fromEntries(
    names.map((dep) => {
      const version = rootDependencies[dep];
      if (!version) throw new Error(`${name} needs ${dep}, which is not a pinned dependency in package.json`);
      return [dep, version];
    }),
  );
}

export function functionFolders(): string[] {
  return fs
    .readdirSync(sourceDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'core' && fs.existsSync(path.join(sourceDir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

async function buildOne(name: string): Promise<number> {
  const target = path.join(outDir, name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const extra = runtimeDependencies(name);
  await build({
    entryPoints: [path.join(sourceDir, name, 'index.ts')],
    outfile: path.join(target, 'index.js'),
    bundle: true,
    platform: 'node',
    // The runtime cloudbaserc.json deploys to (CloudBase's default, Nodejs18.15).
    target: 'node18',
    format: 'cjs',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    external: ['wx-server-sdk', ...Object.keys(extra)],
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const manifest = {
    name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: { 'wx-server-sdk': sdkVersion, ...extra },
  };
  fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const config = path.join(sourceDir, name, 'config.json');
  if (fs.existsSync(config)) fs.copyFileSync(config, path.join(target, 'config.json'));
  return fs.statSync(path.join(target, 'index.js')).size;
}

export async function buildFunctions(log = true): Promise<Record<string, number>> {
  if (!sdkVersion) throw new Error('wx-server-sdk must be a pinned dependency in package.json');
  const sizes: Record<string, number> = {};
  for (const name of functionFolders()) {
    sizes[name] = await buildOne(name);
    if (log) console.log(`云函数 ${name}: ${(sizes[name] / 1024).toFixed(1)} KB`);
  }
  return sizes;
}

export const FUNCTIONS_OUT_DIR = outDir;

if (require.main === module) {
  buildFunctions().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
