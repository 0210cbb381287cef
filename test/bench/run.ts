import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';
import { weappPackageSizes } from '../../scripts/weapp-size';
import { LocalClient, percentile, seededRandom } from './client';
import { noticeRows } from './notices';
import { startServerProcess } from './server';
import { benchQuiz } from './quiz';
import { statsRows } from './stats';
import { activityNow, setUpBranch } from './setup';
import { studyRows } from './study';

/**
 * `npm run bench`: measures the budgets of ARCHITECTURE.md against the local runtime and prints a
 * table. The server runs in its own process with a fresh data folder; the load comes from here.
 *
 * The statistics rows hold the seeded county (about a gigabyte of documents) in this process, as
 * the local runtime holds its database: with Node's default young generation every 12 MB or so
 * of short-lived objects — one or two statistics reads — costs a 3 ms collection that copies what
 * is in flight, and decides a p50. The script runs Node with a 64 MB semi-space
 * (`--max-semi-space-size=64`), as one would size the heap of a database server.
 */
const MEMBERS = 500;
const OPEN_LOOP_SECONDS = 10;
const SUSTAINED_CONCURRENCY = 32;
const root = path.resolve(__dirname, '../..');

interface Row {
  what: string;
  budget: string;
  measured: string;
  pass: boolean | null;
}
const rows: Row[] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function checkIn(
  client: LocalClient,
  token: string,
  checkinToken: string,
): Promise<{ ok: boolean; latency: number }> {
  const started = performance.now();
  try {
    await client.call(token, 'activity', 'checkin', { token: checkinToken });
    return { ok: true, latency: performance.now() - started };
  } catch {
    return { ok: false, latency: performance.now() - started };
  }
}

async function verifyExactlyOnce(
  client: LocalClient,
  secretary: string,
  activityId: string,
  label: string,
): Promise<void> {
  const attendance = await client.call<{ present: number; presentList: unknown[] }>(
    secretary,
    'activity',
    'attendance',
    { activityId },
  );
  const detail = await client.call<{ present: number }>(secretary, 'activity', 'get', { activityId });
  const exact = attendance.presentList.length === MEMBERS && detail.present === MEMBERS;
  rows.push({
    what: `${label}: records / counter`,
    budget: `${MEMBERS} / ${MEMBERS}`,
    measured: `${attendance.presentList.length} / ${detail.present}`,
    pass: exact,
  });
}

/** `npm run bench -- --only=stats` runs the statistics rows alone. */
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

async function main(): Promise<void> {
  if (ONLY === 'stats') {
    rows.push(...(await statsRows()));
    report();
    return;
  }
  const sizes = await buildFunctions(false);
  for (const [name, size] of Object.entries(sizes)) {
    rows.push({ what: `function bundle: ${name}`, budget: '≤ 200 KB', measured: kb(size), pass: size <= 200 * 1024 });
  }
  const weappDir = path.join(root, 'dist/weapp');
  if (fs.existsSync(path.join(weappDir, 'app.json'))) {
    const { main } = weappPackageSizes(weappDir);
    rows.push({ what: 'weapp main package', budget: '≤ 700 KB', measured: kb(main), pass: main <= 700 * 1024 });
  } else {
    rows.push({
      what: 'weapp main package',
      budget: '≤ 700 KB',
      measured: 'not built (npm run build:weapp)',
      pass: null,
    });
  }

  const server = await startServerProcess();
  try {
    const client = new LocalClient(server.url);
    process.stdout.write(`setting up a branch of ${MEMBERS} members through the API… `);
    const branch = await setUpBranch(client, MEMBERS);
    console.log('done');
    const secretary = branch.secretaryToken;

    // 1. Open-loop arrivals: 500 members over 10 s, Poisson, latency measured from the scheduled time.
    const openLoop = await activityNow(client, secretary, '压测：开放到达');
    const random = seededRandom(20261121);
    const gaps = branch.memberTokens.map(() => -Math.log(1 - random()));
    const scale = (OPEN_LOOP_SECONDS * 1000) / gaps.reduce((a, b) => a + b, 0);
    let at = 0;
    const schedule = gaps.map((gap) => (at += gap * scale));
    const { token: openToken } = await client.call<{ token: string }>(secretary, 'activity', 'checkinCode', {
      activityId: openLoop,
    });
    const start = performance.now();
    const results = await Promise.all(
      branch.memberTokens.map(
        (token, i) =>
          new Promise<{ ok: boolean; latency: number }>((resolve) => {
            const due = start + schedule[i]!;
            setTimeout(
              async () => {
                const result = await checkIn(client, token, openToken);
                resolve({ ok: result.ok, latency: performance.now() - due });
              },
              Math.max(0, due - performance.now()),
            );
          }),
      ),
    );
    const latencies = results.map((r) => r.latency).sort((a, b) => a - b);
    const failed = results.filter((r) => !r.ok).length;
    rows.push({
      what: 'open loop: 500 check-ins in 10 s, p50',
      budget: '—',
      measured: ms(percentile(latencies, 50)),
      pass: null,
    });
    rows.push({
      what: 'open loop: p95',
      budget: '≤ 50 ms',
      measured: ms(percentile(latencies, 95)),
      pass: percentile(latencies, 95) <= 50,
    });
    rows.push({ what: 'open loop: p99', budget: '—', measured: ms(percentile(latencies, 99)), pass: null });
    rows.push({ what: 'open loop: failed requests', budget: '0', measured: String(failed), pass: failed === 0 });
    await verifyExactlyOnce(client, secretary, openLoop, 'open loop');

    // 2. Everyone at once.
    const burst = await activityNow(client, secretary, '压测：同时签到');
    const { token: burstToken } = await client.call<{ token: string }>(secretary, 'activity', 'checkinCode', {
      activityId: burst,
    });
    const burstStart = performance.now();
    const burstResults = await Promise.all(branch.memberTokens.map((token) => checkIn(client, token, burstToken)));
    const burstSeconds = (performance.now() - burstStart) / 1000;
    const burstLatencies = burstResults.map((r) => r.latency).sort((a, b) => a - b);
    rows.push({
      what: '500 at once: p95 / slowest',
      budget: '—',
      measured: `${ms(percentile(burstLatencies, 95))} / ${ms(burstLatencies.at(-1)!)} (all in ${burstSeconds.toFixed(2)} s)`,
      pass: null,
    });
    await verifyExactlyOnce(client, secretary, burst, '500 at once');

    // 2b. Everyone checks in while the bureau's recount runs again and again: none may be lost.
    const admin = await client.login('demo_b-jgzb-02');
    const during = await activityNow(client, secretary, '压测：重算期间签到');
    const { token: duringToken } = await client.call<{ token: string }>(secretary, 'activity', 'checkinCode', {
      activityId: during,
    });
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    let recounting = true;
    let recounts = 0;
    const recountLoop = (async () => {
      while (recounting) {
        await client.call(admin, 'jobs', 'recount', { months: [month] });
        recounts++;
      }
    })();
    const duringResults = await Promise.all(branch.memberTokens.map((token) => checkIn(client, token, duringToken)));
    recounting = false;
    await recountLoop;
    const duringFailed = duringResults.filter((r) => !r.ok).length;
    rows.push({
      what: 'check-ins during a recount: failed / recounts run',
      budget: '0 / ≥ 1',
      measured: `${duringFailed} / ${recounts}`,
      pass: duringFailed === 0 && recounts >= 1,
    });
    await verifyExactlyOnce(client, secretary, during, 'check-ins during a recount');

    // 3. Database operations of one successful check-in, counted at the transport seam.
    const single = await activityNow(client, secretary, '压测：单次签到');
    const { token: singleToken } = await client.call<{ token: string }>(secretary, 'activity', 'checkinCode', {
      activityId: single,
    });
    const before = await client.dbCalls();
    await client.call(branch.memberTokens[0]!, 'activity', 'checkin', { token: singleToken });
    const ops = (await client.dbCalls()) - before;
    rows.push({ what: 'database operations per check-in', budget: '≤ 4', measured: String(ops), pass: ops <= 4 });
    rows.push(...(await studyRows(client, secretary, branch.memberTokens[0]!)));

    // 4. Sustained maximum: closed loop at fixed concurrency over fresh activities.
    let done = 0;
    const sustainedStart = performance.now();
    for (let round = 0; round < 3; round++) {
      const activityId = await activityNow(client, secretary, `压测：持续吞吐 ${round + 1}`);
      const { token } = await client.call<{ token: string }>(secretary, 'activity', 'checkinCode', { activityId });
      let next = 0;
      await Promise.all(
        Array.from({ length: SUSTAINED_CONCURRENCY }, async () => {
          while (next < branch.memberTokens.length) {
            const mine = branch.memberTokens[next++]!;
            if ((await checkIn(client, mine, token)).ok) done++;
          }
        }),
      );
    }
    const rate = done / ((performance.now() - sustainedStart) / 1000);
    rows.push({
      what: `sustained check-ins per second (${SUSTAINED_CONCURRENCY} in flight)`,
      budget: 'report',
      measured: `${rate.toFixed(0)} /s`,
      pass: null,
    });

    // 5. Quizzes: operations of start / answer / submit, and 300 members at once.
    rows.push(...(await benchQuiz(client, branch)));
  } finally {
    await server.stop();
  }

  rows.push(...(await noticeRows()));

  rows.push(...(await statsRows()));
  report();
}

function report(): void {
  const width = [
    Math.max(...rows.map((r) => r.what.length)),
    Math.max(...rows.map((r) => r.budget.length)),
    Math.max(...rows.map((r) => r.measured.length)),
  ];
  console.log(`\n支部通 benchmark — ${os.cpus().length} cores, Node ${process.version}\n`);
  console.log(`${'what'.padEnd(width[0]!)}  ${'budget'.padEnd(width[1]!)}  ${'measured'.padEnd(width[2]!)}  result`);
  for (const r of rows) {
    const verdict = r.pass === null ? '' : r.pass ? 'pass' : 'FAIL';
    console.log(
      `${r.what.padEnd(width[0]!)}  ${r.budget.padEnd(width[1]!)}  ${r.measured.padEnd(width[2]!)}  ${verdict}`,
    );
  }
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'test-results/bench.json'), JSON.stringify(rows, null, 2));
  if (rows.some((r) => r.pass === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
