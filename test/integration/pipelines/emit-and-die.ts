/**
 * Child process of crash.test.ts: commits a mock change (its outbox row with it) and dies by
 * SIGKILL before the pipeline consumer reads it (coalesceMs is a minute).
 */
import { openApp } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets';

const [dataDir, projectId] = process.argv.slice(2) as [string, string];
const app = await openApp({
  dataDir,
  pipelines: { coalesceMs: 60_000 },
  pipelineSecrets: () => Promise.resolve(new MemorySecretStore()),
});
app.catalog.mocks.create(projectId, { name: 'added just before the crash', path: '/crash', method: 'GET' });
process.stdout.write('committed\n');
process.kill(process.pid, 'SIGKILL');
