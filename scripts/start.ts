import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm start`: builds the H5 app when its sources are newer than the last build, then starts the
 * local runtime (which seeds the demo data into an empty data folder).
 */
const root = path.resolve(__dirname, '..');
const h5Index = path.join(root, 'dist/h5/index.html');
const sources = ['client', 'config', 'types', 'package.json', '.env', '.env.production'];

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, child) => Math.max(max, newestChange(path.join(entry, child))), stat.mtimeMs);
}

const built = fs.existsSync(h5Index) ? fs.statSync(h5Index).mtimeMs : 0;
const changed = Math.max(...sources.map((s) => newestChange(path.join(root, s))));
if (changed > built) {
  const started = Date.now();
  console.log(
    built === 0
      ? '首次启动：正在构建 H5 版本，约需 90 秒，完成后自动启动本地服务……'
      : '源代码有改动：正在重新构建 H5 版本，完成后自动启动本地服务……',
  );
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('H5 构建失败，本地服务没有启动；错误见上方输出。');
    process.exit(result.status ?? 1);
  }
  console.log(`H5 构建完成，用时 ${Math.round((Date.now() - started) / 1000)} 秒。`);
}

// Loaded only after the build, so a failed build never starts a server on stale files.
void import('../emulator/main');
