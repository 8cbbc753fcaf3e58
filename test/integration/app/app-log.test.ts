import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { createAppLogger, LOG_FILE, LOGS_DIR } from '../../../main/core/util/app-logger';

const TOKEN = 'app-log-test-token-0123456789';
const SECRET = 'hunter2-app-log-secret';

const dirs: string[] = [];
let app: App | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'mockdeck-applog-'));
  dirs.push(d);
  return d;
}
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the app log', () => {
  it('holds a line for a management 500, with its request id and without the secret it quoted', async () => {
    const dataDir = tempDir();
    app = await openApp({ dataDir, port: 0, apiToken: TOKEN });
    const { url } = await app.server.start();
    app.catalog.projects.list = () => {
      throw new Error(`disk I/O error while reading password=${SECRET}`);
    };
    const res = await fetch(`${url}/projects`, {
      headers: { authorization: `Bearer ${TOKEN}`, cookie: `sid=${SECRET}` },
    });
    expect(res.status).toBe(500);
    const { requestId } = (await res.json()) as { requestId: string };
    expect(requestId).toBeTruthy();

    const file = path.join(dataDir, LOGS_DIR, LOG_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    const line = lines(file).find((l) => l.requestId === requestId);
    expect(line).toMatchObject({ level: 50, app: 'mockdeck', requestId });
    expect(JSON.stringify(line)).toContain('disk I/O error');
    if (process.platform !== 'win32') {
      expect(statSync(path.join(dataDir, LOGS_DIR)).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
  });

  it('rotates at the size cap and keeps only the newest files', () => {
    const dataDir = tempDir();
    const log = createAppLogger({ dataDir, maxBytes: 2000, keep: 2, also: null });
    for (let i = 0; i < 200; i++) log.warn(`event ${i}`, { requestId: `req-${i}`, password: SECRET });
    log.close();
    const dir = path.join(dataDir, LOGS_DIR);
    expect(readdirSync(dir).sort()).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`]);
    for (const f of readdirSync(dir)) expect(statSync(path.join(dir, f)).size).toBeLessThanOrEqual(2000);
    // The newest event is in the live file, the oldest ones are gone, and no line holds the secret.
    expect(lines(path.join(dir, LOG_FILE)).at(-1)).toMatchObject({ msg: 'event 199', requestId: 'req-199' });
    const all = readdirSync(dir)
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('');
    expect(all).not.toContain('"event 0"');
    expect(all).not.toContain(SECRET);
    expect(existsSync(path.join(dir, `${LOG_FILE}.3`))).toBe(false);
  });
});
