// Opens a RepoScout database in its own process, for tests of several processes opening one
// file at once. argv: <db path> <epoch ms to start at>; prints "ok" or the error's message.
import { openStore } from '../../shared/store/open';

const [dbPath, startAt] = process.argv.slice(2) as [string, string];
// A start line shared by every process, so their opens overlap (Node's own start varies).
while (Date.now() < Number(startAt)) {
  // busy-wait: a timer's granularity would spread the starts again
}
try {
  openStore(dbPath).close();
  process.stdout.write('ok\n');
} catch (error) {
  process.stdout.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
