import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../main/core/data-dir';
import { API_TOKEN_ENV, apiTokenFile, resolveApiToken } from '../../../main/core/util/local-token';
import { removeTempDirs, tempDir } from './cli-harness';

afterAll(removeTempDirs);
const savedEnv = process.env[API_TOKEN_ENV];
afterEach(() => {
  if (savedEnv === undefined) delete process.env[API_TOKEN_ENV];
  else process.env[API_TOKEN_ENV] = savedEnv;
});

describe('resolveApiToken', () => {
  it('generates a 32-byte base64url token once, stores it 0600, and reuses it', () => {
    delete process.env[API_TOKEN_ENV];
    const dir = path.join(tempDir(), 'nested', 'data');
    const first = resolveApiToken({ dataDir: dir });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    const file = apiTokenFile(dir);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveApiToken({ dataDir: dir })).toBe(first);
  });

  it('prefers the override, then $MOCKDECK_API_TOKEN, then the file', () => {
    const dir = tempDir();
    writeFileSync(apiTokenFile(dir), 'from-file-0123456789\n');
    process.env[API_TOKEN_ENV] = 'from-env-0123456789';
    expect(resolveApiToken({ dataDir: dir, override: 'from-flag-0123456789' })).toBe('from-flag-0123456789');
    expect(resolveApiToken({ dataDir: dir })).toBe('from-env-0123456789');
    delete process.env[API_TOKEN_ENV];
    expect(resolveApiToken({ dataDir: dir, override: '  ' })).toBe('from-file-0123456789');
  });

  it('keeps a memory-only token when there is no data dir', () => {
    delete process.env[API_TOKEN_ENV];
    const a = resolveApiToken({ dataDir: null });
    const b = resolveApiToken({ dataDir: null });
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('regenerates an empty token file instead of accepting an empty token', () => {
    delete process.env[API_TOKEN_ENV];
    const dir = tempDir();
    writeFileSync(apiTokenFile(dir), '\n');
    const t = resolveApiToken({ dataDir: dir });
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(existsSync(apiTokenFile(dir))).toBe(true);
  });
});

describe('defaultDataDir (the folder Electron uses as userData for productName MockDeck)', () => {
  const home = os.homedir();
  it('honours $MOCKDECK_DATA_DIR', () => {
    expect(defaultDataDir({ MOCKDECK_DATA_DIR: '/srv/mockdeck' }, 'linux')).toBe('/srv/mockdeck');
  });
  it('uses $XDG_CONFIG_HOME or ~/.config on Linux', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/MockDeck');
    expect(defaultDataDir({}, 'linux')).toBe(path.join(home, '.config', 'MockDeck'));
  });
  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'MockDeck'));
  });
  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\MockDeck',
    );
  });
});
