/**
 * How long importing GitHub's REST description (@octokit/openapi, 13 MB JSON, ~1,100 paths)
 * takes: reading (parse, $ref resolution, sampling, validation) and the whole import into a
 * data dir (written on a worker). Prints a Markdown table for docs/performance.md's
 * "## OpenAPI import" section. Run: `node --import tsx bench/openapi-import.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../main/core/app';
import { importDocument, readDocument } from '../main/core/transfer';

const require = createRequire(import.meta.url);
const FILE = require.resolve('@octokit/openapi/generated/api.github.com.json');
const ROUNDS = 3;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const text = readFileSync(FILE, 'utf8');
const read: number[] = [];
const whole: number[] = [];
let mocks = 0;
let responses = 0;
for (let i = 0; i < ROUNDS; i++) {
  let t = performance.now();
  const r = await readDocument({ content: text, format: 'auto' });
  read.push(performance.now() - t);
  mocks = r.report.created.mocks;
  responses = r.report.created.responses;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-bench-import-'));
  const app = await openApp({ dataDir: dir });
  t = performance.now();
  await importDocument(app.core.catalog, { content: text, format: 'auto' });
  whole.push(performance.now() - t);
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
const s = (ms: number): string => (ms / 1000).toFixed(2);
console.log(`| document | mocks | responses | read (s, median of ${ROUNDS}) | whole import into a data dir (s) |`);
console.log('| --- | ---: | ---: | ---: | ---: |');
console.log(
  `| @octokit/openapi api.github.com.json (${(text.length / 1e6).toFixed(1)} MB) | ${mocks} | ${responses} | ${s(median(read))} | ${s(median(whole))} |`,
);
console.log(
  `\nnode ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load ${os.loadavg()[0]!.toFixed(1)}`,
);
