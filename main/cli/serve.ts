import http from 'node:http';
import { openApp } from '../core/app';
import { DEFAULT_HOST, DEFAULT_PORT } from '../core/core';
import { API_TOKEN_ENV, apiTokenFile, checkApiToken, resolveApiToken } from '../core/util/local-token';
import { AppError } from '../core/util/errors';
import { EXIT_OK, portOption, stringOption, type CliIo, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir-option';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the mocks and the management REST API until stopped (Ctrl+C)',
  usage: `mockdeck serve [--data-dir DIR] [--host ${DEFAULT_HOST}] [--port ${DEFAULT_PORT}] [--token T]`,
  help: `${DATA_DIR_HELP}
  --host HOST      interface to listen on (default ${DEFAULT_HOST}; 0.0.0.0 exposes it to the network)
  --port PORT      port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --token T        management API token, at least 16 characters (default: $${API_TOKEN_ENV},
                   else <data-dir>/api-token). Prefer those two: other users of this machine
                   can read --token in the process list (ps)

Once the server answers, prints one JSON line:
  {"event":"listening","url":…,"mockBaseUrl":…,"dataDir":…,"tokenFile":…}
Mocks are public at <url>/m/<project-slug>/…; the management API needs
"Authorization: Bearer <token>". SIGINT/SIGTERM flush the request logs and exit 0.`,
  options: { host: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, ...dataDirOption },
  async run(args, io) {
    const dataDir = dataDirOf(args, io);
    const host = stringOption(args, 'host') ?? DEFAULT_HOST;
    const port = portOption(args, 'port', DEFAULT_PORT);
    const flagToken = stringOption(args, 'token')?.trim() || undefined;
    if (flagToken !== undefined) {
      checkApiToken(flagToken, '--token');
      warnTokenFlag(io);
    }
    const token = resolveApiToken({ dataDir, override: flagToken });
    // Name the file only when the token really lives there.
    const tokenFile = flagToken || io.env[API_TOKEN_ENV]?.trim() ? null : apiTokenFile(dataDir);

    const app = await openApp({ dataDir, apiToken: token, host, port });
    const stopped = waitForStopSignal();
    try {
      const state = await app.server.start({ host, port });
      if (!state.url) throw new AppError('SERVER_ERROR', state.error?.message ?? 'the server did not start');
      await expectAnswer(state.url, token);
      io.stdout(
        `${JSON.stringify({ event: 'listening', url: state.url, mockBaseUrl: `${state.url}/m/`, dataDir, tokenFile })}\n`,
      );
      if (host !== DEFAULT_HOST && host !== 'localhost') warnExposed(io, host);
      await stopped.promise;
      return EXIT_OK;
    } finally {
      stopped.dispose();
      // Stops the listeners, writes queued request logs, closes both databases.
      await app.close();
    }
  },
};

/**
 * Resolves on the first SIGINT/SIGTERM (or `stop()`). Ctrl+C reaches every process of the
 * terminal's group and wrappers (npm, tsx) relay it too, so one keypress may arrive twice:
 * only a signal repeated after a second, while closing hangs, forces the exit.
 */
export function waitForStopSignal(): { promise: Promise<NodeJS.Signals>; stop(): void; dispose(): void } {
  let resolve!: (s: NodeJS.Signals) => void;
  const promise = new Promise<NodeJS.Signals>((r) => (resolve = r));
  let firstAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (firstAt === null) {
      firstAt = Date.now();
      resolve(signal);
    } else if (Date.now() - firstAt > 1000) {
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    promise,
    stop: () => resolve('SIGTERM'),
    dispose() {
      // Keep a handler until exit so a second Ctrl+C during close() still forces the exit.
      if (firstAt === null) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    },
  };
}

/**
 * The "listening" line is a promise to scripts: check an authenticated request works first.
 * node:http, not fetch: fetch refuses "bad ports" such as 22 or 6000 that users may pick.
 */
async function expectAnswer(url: string, token: string): Promise<void> {
  const target = new URL('/projects', url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:'));
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.get(target, { headers: { authorization: `Bearer ${token}` }, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
  }).catch((e: Error) => {
    throw new AppError('SERVER_ERROR', `the server started on ${url} but does not answer: ${e.message}`);
  });
  if (status !== 200)
    throw new AppError('SERVER_ERROR', `the server started on ${url} but GET /projects answered ${status}`);
}

function warnTokenFlag(io: CliIo): void {
  io.stderr(
    `warning: --token is visible to other users of this machine in the process list; ` +
      `set $${API_TOKEN_ENV} or write the token to <data-dir>/api-token (mode 0600) instead\n`,
  );
}

function warnExposed(io: CliIo, host: string): void {
  io.stderr(
    `warning: listening on ${host}: anyone who can reach this machine can call the mocks; ` +
      'the management API still needs the token\n',
  );
}
