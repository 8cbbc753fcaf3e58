// Doyensec Electronegativity over the Electron-facing code, as part of `npm run lint`: any
// HIGH or MEDIUM finding, or a file it could not parse (a file it skipped is a file it did
// not check), fails. A reviewed line carries `eng-disable CHECK_ID` and the reason.
//
// Run offline: the tool fetches translations and Electron's release list from the network
// on every run. Translations come from its own en-US file instead (below), and the release
// check is left out: it grades the pinned Electron version, which changes only with a
// dependency update, not the code.
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const TARGETS = ['main', 'preload', 'renderer'];
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const FAILING = new Set(['HIGH', 'MEDIUM']);

const require = createRequire(path.join(root, 'package.json'));
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolRequire = createRequire(path.join(toolDir, 'package.json'));

// The runner awaits dist/locales/i18n.js, which downloads translations first; this stands in
// for that module with the same i18n set-up, read from the copies the package ships.
const i18n = toolRequire('i18n');
const i18nModule = toolRequire.resolve('./dist/locales/i18n.js');
const offlineI18n = async () => {
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: path.dirname(i18nModule),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
};
toolRequire.cache[i18nModule] = {
  id: i18nModule,
  filename: i18nModule,
  loaded: true,
  exports: { __esModule: true, default: offlineI18n },
};
const run = toolRequire('./dist/runner.js').default ?? toolRequire('./dist/runner.js');

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies.electron.replace(/^[^\d]*/, '');

// One run over all targets: the global checks (navigation limits, permission handler, CSP)
// look for their guard anywhere in the app, so each target alone would miss the others'.
const scanRoot = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-electronegativity-'));
let result;
try {
  for (const target of TARGETS) symlinkSync(path.join(root, target), path.join(scanRoot, target), 'dir');
  result = await run({
    input: scanRoot,
    isRelative: true,
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
} finally {
  rmSync(scanRoot, { recursive: true, force: true });
}

let failures = 0;
let others = 0;
for (const error of result.errors.filter((e) => !e.tolerable)) {
  failures++;
  console.error(`electronegativity: could not parse ${path.relative(scanRoot, error.file)}: ${error.message}`);
}
for (const issue of result.issues) {
  const level = issue.severity.name;
  if (!FAILING.has(level)) {
    others++;
    continue;
  }
  failures++;
  const where = issue.file === 'N/A' ? '(whole app)' : `${issue.file}:${issue.location.line}:${issue.location.column}`;
  console.error(`${where} ${level} ${issue.id}: ${issue.description}${issue.sample ? `\n    ${issue.sample}` : ''}`);
}

if (failures > 0) {
  console.error(
    `\nelectronegativity: ${failures} problem(s). Fix the finding, or review it and mark the line` +
      ' with `/* eng-disable CHECK_ID */` followed by why it is safe.',
  );
  process.exit(1);
}
console.log(
  `electronegativity: 0 HIGH, 0 MEDIUM in ${TARGETS.join(', ')} (Electron ${electronVersion}; ${others} LOW/INFORMATIONAL)`,
);
