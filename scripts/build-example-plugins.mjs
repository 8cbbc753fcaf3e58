#!/usr/bin/env node
// Compiles the example plugins' WebAssembly text (plugins/examples/*/*.wat) to .wasm with
// wabt (wat2wasm, from npm): `npm run build:plugins`. Tests compile the same sources.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import initWabt from 'wabt';

const root = path.resolve(import.meta.dirname, '..', 'plugins', 'examples');
const wabt = await initWabt();
for (const dir of readdirSync(root)) {
  for (const file of readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.wat'))) {
    const source = path.join(root, dir, file);
    const mod = wabt.parseWat(file, readFileSync(source, 'utf8'));
    const { buffer } = mod.toBinary({});
    mod.destroy();
    const out = source.replace(/\.wat$/, '.wasm');
    writeFileSync(out, buffer);
    process.stdout.write(`${path.relative(process.cwd(), out)} (${buffer.length} bytes)\n`);
  }
}
