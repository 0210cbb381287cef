import fs from 'node:fs';
import path from 'node:path';

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

function sizeOf(entry: string, skip: Set<string>): number {
  if (skip.has(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(entry).reduce((sum, child) => sum + sizeOf(path.join(entry, child), skip), 0);
}

/** Bytes of a weapp build's main package, counted as WeChat does: everything but the subpackages. */
export function weappPackageSizes(weappDir: string): { main: number; subpackages: Record<string, number> } {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as AppJson;
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root);
  const dirs = new Set(roots.map((r) => path.join(weappDir, r)));
  return {
    main: sizeOf(weappDir, dirs),
    subpackages: Object.fromEntries(roots.map((r) => [r, sizeOf(path.join(weappDir, r), new Set())])),
  };
}
