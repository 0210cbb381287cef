import path from 'node:path';
import cloud from 'wx-server-sdk';
import { readConfig } from './config';
import { startRuntime } from './runtime';
import { loadSecrets } from './secrets';
import { seedDemoData } from './seed/seed';
import { seedShowcase } from './seed/showcase';
import { devLoginNotice } from './server/dev-login';
import { createHttpServer } from './server/http-server';

/** Starts the local CloudBase runtime and the HTTP server in front of it. */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const config = readConfig(process.env, root);
  const secrets = loadSecrets(config.ZHIBU_DATA_DIR);

  const runtime = await startRuntime({
    dataDir: config.ZHIBU_DATA_DIR,
    functionsFrom: config.ZHIBU_FUNCTIONS === 'dist' ? { distDir: path.join(root, 'dist/cloudfunctions') } : 'source',
    dbLatencyMs: config.ZHIBU_DB_LATENCY_MS,
  });
  if (config.ZHIBU_SEED === 'demo') {
    const seeded = await seedDemoData(cloud.database());
    if (seeded.seeded) console.log(`已写入演示数据：6 个支部，${seeded.members} 名党员`);
    const started = Date.now();
    const showcase = await seedShowcase(runtime);
    if (showcase.seeded) {
      console.log(
        `已写入党费、书记培训、组织关系转接、民主评议和述职评议的演示记录（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
      );
    }
  }

  const devLogin = config.ZHIBU_DEV_LOGIN === '1' ? 'always' : 'loopback';
  const server = createHttpServer({
    runtime,
    h5Dir: config.ZHIBU_H5_DIR,
    devTokenSecret: secrets.devToken,
    devLogin,
  });
  const notice = devLoginNotice(devLogin, config.HOST);
  if (notice) console.warn(notice);
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    runtime.setPublicUrl(process.env.ZHIBU_PUBLIC_URL ?? `http://${config.HOST}:${port}`);
    console.log(`支部通本地运行环境已启动：http://${config.HOST}:${port}/`);
    const relative = path.relative(root, config.ZHIBU_DATA_DIR);
    console.log(`数据目录：${relative.startsWith('..') ? config.ZHIBU_DATA_DIR : relative}`);
  });

  const stop = () => {
    server.close();
    runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
