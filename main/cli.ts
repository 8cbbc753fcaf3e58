/**
 * `mockdeck`: the headless runner — the same core as the desktop app, without Electron.
 * `npm run cli -- <args>` runs this file with tsx; bin/mockdeck.mjs runs its esbuild bundle.
 */
import { stopWhenParentDies } from './cli/parent-watch';
import { runCli } from './cli/run';

// `npm run cli` runs this under tsx, which gives no channel: watch for being re-parented.
stopWhenParentDies({ pollPpid: process.env.npm_lifecycle_event === 'cli' });

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
// exitCode (not exit()) lets stdout drain when it is a pipe.
process.exitCode = code;
