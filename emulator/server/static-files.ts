import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { FAVICON_PATHS, FAVICON_SVG } from './favicon';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Serves the H5 build. The router uses hash URLs, so only real files and `/` exist. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  if (FAVICON_PATHS.has(urlPath)) {
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' });
    res.end(FAVICON_SVG);
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = path.resolve(root, '.' + relative);
  if (!file.startsWith(path.resolve(root) + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.stat(file, (error, stat) => {
    if (error || !stat.isFile()) {
      if (relative === '/index.html') {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('H5 尚未构建：请先运行 npm run build:h5（npm start 会自动构建）');
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const cache = relative === '/index.html' ? 'no-cache' : 'public, max-age=300';
    res.writeHead(200, { 'content-type': type, 'content-length': stat.size, 'cache-control': cache });
    fs.createReadStream(file).pipe(res);
  });
}
