import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * `npm test`: every check, on a machine with few cores. The type check, lint and the Taro builds
 * each keep about one core busy, so they run side by side in two rounds instead of one after the
 * other; the test tiers run last, when the H5 and weapp builds they check exist. Each step's output
 * is shown when it fails (the builds' progress bars would interleave otherwise). Arguments go to jest
 * (`npm test -- test/e2e`).
 */
const root = path.resolve(__dirname, '..');

const rounds: string[][] = [
  ['typecheck', 'lint', 'build:functions'],
  ['build:weapp', 'build:h5'],
];

interface StepResult {
  script: string;
  code: number;
  seconds: number;
  output: string;
}

function run(label: string, command: string, args: string[], showOutput = false): Promise<StepResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: showOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) =>
      resolve({
        script: label,
        code: code ?? 1,
        seconds: Math.round((Date.now() - started) / 1000),
        output: Buffer.concat(chunks).toString('utf8'),
      }),
    );
  });
}

/** An npm script, through the npm that runs this one (npm_execpath), so it works the same on every platform. */
function npmRun(script: string): Promise<StepResult> {
  const npmCli = process.env.npm_execpath;
  if (!npmCli) throw new Error('Run this through npm: npm test');
  return run(script, process.execPath, [npmCli, 'run', '--silent', script]);
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const round of rounds) {
    console.log(`▶ ${round.join(', ')}`);
    const results = await Promise.all(
      round.map((script) =>
        npmRun(script).then((result) => {
          console.log(`${result.code === 0 ? '✓' : '✗'} ${script} (${result.seconds} s)`);
          return result;
        }),
      ),
    );
    const failed = results.filter((result) => result.code !== 0);
    for (const result of failed) {
      console.log(`\n──── ${result.script} ────\n${result.output}`);
    }
    if (failed.length > 0) {
      console.error(`npm test stopped: ${failed.map((result) => result.script).join(', ')} failed.`);
      process.exit(1);
    }
  }
  const jestBin = require.resolve('jest/bin/jest');
  const args = process.argv.slice(2);
  if (args.length > 0) {
    console.log(`▶ jest ${args.join(' ')}`);
    const jest = await run('jest', process.execPath, [jestBin, ...args], true);
    process.exit(jest.code);
  }
  // The browser tier mostly waits on Chromium, so it runs beside the other tiers instead of after
  // them; each jest keeps its own default worker count (one file at a time on two cores, so the
  // integration files never compete with each other for the CPU).
  console.log('▶ jest: unit, client, integration; beside them jest: e2e (its output follows when it ends)');
  const [main, e2e] = await Promise.all([
    run(
      'jest unit/client/integration',
      process.execPath,
      [jestBin, '--selectProjects', 'unit', 'client', 'integration'],
      true,
    ),
    run('jest e2e', process.execPath, [jestBin, '--selectProjects', 'e2e']),
  ]);
  console.log(`\n──── jest e2e ────\n${e2e.output}`);
  const failed = [main, e2e].filter((result) => result.code !== 0);
  console.log(
    `npm test: ${Math.round((Date.now() - started) / 1000)} s` +
      (failed.length > 0 ? `, failed: ${failed.map((result) => result.script).join(', ')}` : ''),
  );
  process.exit(failed.length > 0 ? 1 : 0);
}

void main();
