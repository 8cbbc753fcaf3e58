import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../main/core/app';
import { SQLITE_BINDING_ENV } from '../../../main/core/store/connection';

/** A file that is no native module: loading it fails, so a test sees whether it was loaded. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-binding-'));
const bogus = path.join(dir, 'not-an-addon.node');
writeFileSync(bogus, 'this is not a shared library');
const saved = process.env[SQLITE_BINDING_ENV];

afterEach(() => {
  if (saved === undefined) delete process.env[SQLITE_BINDING_ENV];
  else process.env[SQLITE_BINDING_ENV] = saved;
});

describe('MOCKDECK_SQLITE_BINDING', () => {
  it('is loaded in development runs (npm start points it at the Electron build)', async () => {
    process.env[SQLITE_BINDING_ENV] = bogus;
    await expect(openApp({ dataDir: null })).rejects.toThrow();
  });

  it('is never loaded by a packaged app, neither by the main thread nor by the log writer worker', async () => {
    process.env[SQLITE_BINDING_ENV] = bogus;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-packaged-'));
    try {
      const app = await openApp({ dataDir, packaged: true, port: 0 });
      try {
        expect(process.env[SQLITE_BINDING_ENV]).toBeUndefined();
        // The worker opens logs.db when the first row is written: serve one request and read it back.
        const state = await app.server.start();
        await (await fetch(`${state.url}/m/nothing/here`)).arrayBuffer();
        await app.server.stop();
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
