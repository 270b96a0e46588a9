/**
 * Child process for sqlite-kill.test.ts: appends to every given session of a SqliteStore file,
 * as fast as the store acknowledges, and prints `<sessionId> <seq>` on stdout once each append
 * has resolved, until the parent kills it. Stdout to a pipe is synchronous on Linux, so a printed
 * line means the ack happened before anything that follows it.
 *
 * Usage: node --import tsx tests/durability/append-until-killed.ts <file> <sessionId,...>
 */
import { SqliteStore } from '../../server/src/store/sqlite-store.ts';
import { entry } from '../../server/src/store/store-fixtures.ts';

const [file, ids] = process.argv.slice(2);
if (!file || !ids) throw new Error('usage: append-until-killed.ts <file> <sessionId,...>');

const store = new SqliteStore(file);

async function appendForever(sessionId: string): Promise<never> {
  let seq = (await store.readLog(sessionId)).length;
  for (;;) {
    seq += 1;
    await store.append(sessionId, [entry(seq, `player:p1:${sessionId}-${seq}`)]);
    process.stdout.write(`${sessionId} ${seq}\n`);
  }
}

process.stdout.write('ready\n');
await Promise.all(ids.split(',').map(appendForever));
