// Runs one job in its own process so a test can kill the engine mid-job (SIGKILL).
// argv: <db path> <plan input JSON> <fake worker script>
import { createOrchestrator } from '../../shared/orchestrate/engine';
import { planInputSchema } from '../../shared/protocol/orchestrate';
import { openStore } from '../../shared/store/open';

const [dbPath, inputJson, fakeWorker] = process.argv.slice(2) as [string, string, string];
const store = openStore(dbPath);
const engine = createOrchestrator({ store, pollMs: 50, process: { killDelayMs: 300, workerEnv: { REPOSCOUT_FAKE_WORKER: fakeWorker } } });
const { job, done } = await engine.start(planInputSchema.parse(JSON.parse(inputJson)));
process.stdout.write(`${job.id}\n`);
await done;
store.close();
