// Runs one job in its own process so a test can kill the engine mid-job (SIGKILL).
// argv: <db path> <plan input JSON> <fake worker script> [die-after-worker-spawn]
// die-after-worker-spawn: the engine kills itself (SIGKILL) right after starting the first
// worker, before it stores the worker's pid.
import { createOrchestrator } from '../../shared/orchestrate/engine';
import { planInputSchema } from '../../shared/protocol/orchestrate';
import { openStore } from '../../shared/store/open';

const [dbPath, inputJson, fakeWorker, fault] = process.argv.slice(2) as [string, string, string, string | undefined];
const afterWorkerSpawn = fault === 'die-after-worker-spawn' ? () => void process.kill(process.pid, 'SIGKILL') : undefined;
const store = openStore(dbPath);
const engine = createOrchestrator({ store, pollMs: 50, process: { killDelayMs: 300, workerEnv: { REPOSCOUT_FAKE_WORKER: fakeWorker }, afterWorkerSpawn } });
const { job, done } = await engine.start(planInputSchema.parse(JSON.parse(inputJson)));
process.stdout.write(`${job.id}\n`);
await done;
store.close();
