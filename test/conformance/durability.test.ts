/**
 * Acknowledged means durable: a process writing through the real SDK is killed with SIGKILL in the
 * middle of a stream; every write it acknowledged must be there when the data folder is reopened,
 * transactions must be all-or-nothing, the SQLite file must pass its integrity check, and the
 * engine must open it and accept new writes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { DATABASE_FILE, type Engine, installDatabaseSeam, openEngine } from '../../emulator/db';
import { type SdkValue, loadSdk } from './support';

const ROOT = resolve(__dirname, '../..');
const WRITER = join(__dirname, 'fixtures', 'durable-writer.ts');
/** Acknowledged documents to wait for before the kill; enough to be mid-stream, small enough to stay fast. */
const KILL_AFTER = 300;

const { db } = loadSdk();
let dir: string;
let engine: Engine | undefined;
/** The writer of the running test: killed when the test ends however it ends, so no process outlives it. */
let writer: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-durability-'));
});
afterEach(() => {
  if (writer && writer.exitCode === null && writer.signalCode === null) writer.kill('SIGKILL');
  writer = undefined;
  engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Acknowledged {
  docs: string[];
  pairs: number[];
  count: number;
}

/** Runs the writer until it has acknowledged KILL_AFTER documents, then SIGKILLs it mid-stream. */
async function writeAndKill(): Promise<Acknowledged> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  writer = child;
  const acknowledged: Acknowledged = { docs: [], pairs: [], count: 0 };
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  // Lines already written to the pipe when the kill lands are acknowledgements too: read to the end.
  let killed = false;
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const [kind, value = ''] = line.split(' ');
    if (kind === 'doc') acknowledged.docs.push(value);
    if (kind === 'pair') acknowledged.pairs.push(Number(value));
    if (kind === 'count') acknowledged.count = Number(value);
    if (!killed && acknowledged.docs.length >= KILL_AFTER) {
      child.kill('SIGKILL');
      killed = true;
    }
  }
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`the writer stopped before it was killed: ${stderr}`);
  return acknowledged;
}

async function allIds(collection: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await db.collection(collection).orderBy('_id', 'asc').skip(offset).limit(1000).get();
    page.data.forEach((doc: SdkValue) => found.add(String(doc._id)));
    if (page.data.length < 1000) return found;
  }
}

test('every acknowledged write survives SIGKILL; the file is intact and accepts new writes', async () => {
  const acknowledged = await writeAndKill();
  expect(acknowledged.docs.length).toBeGreaterThanOrEqual(KILL_AFTER);

  const integrity = new Database(join(dir, DATABASE_FILE), { readonly: true });
  expect(integrity.pragma('integrity_check', { simple: true })).toBe('ok');
  integrity.close();

  engine = openEngine({ dir });
  installDatabaseSeam(engine);
  const stream = await allIds('stream');
  for (const id of acknowledged.docs) expect(stream.has(id)).toBe(true);
  // At most the one write in flight at the kill may have landed unacknowledged.
  expect(stream.size - acknowledged.docs.length).toBeLessThanOrEqual(1);

  const counter = (await db.collection('counters').doc('writes').get()).data.n;
  expect(counter).toBeGreaterThanOrEqual(acknowledged.count);
  expect(counter).toBeLessThanOrEqual(acknowledged.count + 1);

  const pairs = await allIds('pairs');
  for (const n of acknowledged.pairs) expect(pairs.has(`pair-${n}-a`) && pairs.has(`pair-${n}-b`)).toBe(true);
  for (const id of pairs) {
    const partner = `${id.slice(0, -1)}${id.endsWith('a') ? 'b' : 'a'}`;
    expect(pairs.has(partner)).toBe(true);
  }

  const { _id } = await db.collection('stream').add({ data: { after: 'restart' } });
  engine.close();
  engine = openEngine({ dir });
  installDatabaseSeam(engine);
  expect((await db.collection('stream').doc(_id).get()).data).toEqual({ _id, after: 'restart' });
  expect((await db.collection('stream').count()).total).toBe(stream.size + 1);
}, 60_000);
