import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The fuses electron-builder flips in the packaged binary (electron-builder.yml
 * `electronFuses`). Packaging needs the Electron binary and a signing setup, so this reads
 * the config electron-builder reads, and its own schema, instead.
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
// js-yaml ships no types; only load() is used, and its result is checked below.
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const fuses = config.electronFuses as Record<string, unknown> | undefined;

describe('electron-builder.yml electronFuses', () => {
  it.each([
    // ELECTRON_RUN_AS_NODE would turn the signed app into a Node that runs any script.
    ['runAsNode', false],
    // NODE_OPTIONS=--require … would inject code into the main process.
    ['enableNodeOptionsEnvironmentVariable', false],
    // --inspect would open a debugger port on the main process.
    ['enableNodeCliInspectArguments', false],
    // An edited app.asar is refused (macOS, Windows) …
    ['enableEmbeddedAsarIntegrityValidation', true],
    // … and the app is never loaded from a loose app/ folder next to it.
    ['onlyLoadAppFromAsar', true],
  ])('%s is %s', (fuse, expected) => {
    expect(fuses?.[fuse]).toBe(expected);
  });

  it('names only fuses electron-builder knows (a typo would be ignored silently otherwise)', () => {
    const scheme = JSON.parse(
      readFileSync(path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, { type?: unknown }> } } };
    const known = scheme.definitions.FuseOptionsV1.properties;
    for (const [name, value] of Object.entries(fuses ?? {})) {
      expect(Object.keys(known), name).toContain(name);
      expect(typeof value, name).toBe('boolean');
    }
  });

  it('keeps the asar archive the integrity fuse validates', () => {
    expect(config.asar).toBe(true);
  });
});
