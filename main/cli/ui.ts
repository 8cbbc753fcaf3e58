import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRendererDir, serveBrowserUi } from '../browser/browser-ui';
import { openInBrowser } from '../browser/open-browser';
import { openApp } from '../core/app';
import { DEFAULT_PORT } from '../core/core';
import { AppError } from '../core/util/errors';
import { portOption, stringOption, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir-option';
import { closeWithinBound, waitForStopSignal } from './shutdown';

export const uiCommand: Command = {
  name: 'ui',
  summary: 'run the MockDeck app in your web browser, without Electron (Ctrl+C stops it)',
  usage: `mockdeck ui [--data-dir DIR] [--port ${DEFAULT_PORT}] [--renderer-dir DIR] [--no-open] [--session-only] [--json]`,
  help: `${DATA_DIR_HELP}
  --port PORT          mock server port (default ${DEFAULT_PORT}; a taken port is reported in the app)
  --renderer-dir DIR   the renderer's web build (default: out/renderer-web; npm run build:renderer)
  --no-open            print the URL only (also when MOCKDECK_NO_BROWSER=1 or BROWSER=none)
  --session-only       keep cloud sign-ins in memory, not in the system keychain
  --json               print one JSON line {appUrl, bridgeUrl, token, serverUrl, dataDir} instead
  --exit-with-parent   stop when the process that started this one goes away (npm start)

Everything listens on 127.0.0.1 only. The page talks to MockDeck over a WebSocket that
needs the random token in the URL: treat the URL like a password.`,
  options: {
    port: { type: 'string' },
    'renderer-dir': { type: 'string' },
    'no-open': { type: 'boolean' },
    'session-only': { type: 'boolean' },
    json: { type: 'boolean' },
    'exit-with-parent': { type: 'boolean' },
    ...dataDirOption,
  },
  async run(args, io) {
    const dataDir = dataDirOf(args, io);
    const port = portOption(args, 'port', DEFAULT_PORT);
    const flagDir = stringOption(args, 'renderer-dir');
    const rendererDir = flagDir ? path.resolve(io.cwd, flagDir) : defaultRendererDir(fileURLToPath(import.meta.url));
    if (!rendererDir) throw new AppError('NOT_FOUND', 'no renderer build found', { hint: 'pass --renderer-dir DIR' });

    const app = await openApp({
      dataDir,
      port,
      cloud: {
        ...(args.values['session-only'] ? { secrets: 'session-only' as const } : {}),
        // OAuth sign-in in the same browser; only parsed http(s) URLs are handed to it.
        openExternal: async (url) => {
          const r = await openInBrowser(url, { env: io.env });
          if (!r.opened) {
            throw new AppError('CLOUD_ERROR', `Could not open a browser for sign-in: ${r.reason}.`, {
              hint: 'sign in with email and password instead',
            });
          }
        },
      },
    });
    const stopped = waitForStopSignal();
    const orphanWatch = args.values['exit-with-parent'] ? watchParent(() => stopped.stop()) : null;
    try {
      const ui = await serveBrowserUi(app, { rendererDir });
      // A taken port is not fatal, as in the desktop app: the UI shows it and offers another.
      const state = await app.server.start().catch(() => app.server.state());
      if (args.values.json) {
        const info = { ...ui, serverUrl: state.url, dataDir };
        io.stdout(`${JSON.stringify(info)}\n`);
      } else {
        io.stdout(`MockDeck UI: ${ui.appUrl}\n`);
        io.stdout(
          state.url
            ? `Mocks are served at ${state.url}/m/<project-slug>/… · data in ${dataDir}\n`
            : `The mock server did not start (${state.error?.message ?? 'unknown reason'}); start it from the app.\n`,
        );
        io.stdout('Press Ctrl+C to stop.\n');
      }
      if (!args.values['no-open']) {
        const opened = await openInBrowser(ui.appUrl, { env: io.env });
        if (!opened.opened) io.stderr(`not opening a browser (${opened.reason}): open the URL above\n`);
      }
      await stopped.promise;
    } catch (e) {
      if (orphanWatch) clearInterval(orphanWatch);
      stopped.dispose();
      await app.close();
      throw e;
    }
    if (orphanWatch) clearInterval(orphanWatch);
    stopped.dispose();
    // Web server, bridge, cloud, event hub, mock server (within its grace period), log writer, databases: newest first.
    return closeWithinBound(app, stopped);
  },
};

/** A parent killed with -9 sends no signal: notice being orphaned and stop like on Ctrl+C. */
function watchParent(stop: () => void): NodeJS.Timeout {
  const parent = process.ppid;
  return setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
}
