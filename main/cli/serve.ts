import http from 'node:http';
import { openApp } from '../core/app';
import { DEFAULT_HOST, DEFAULT_PORT } from '../core/core';
import { DEFAULT_LOG_RETENTION, MAX_LOG_RETENTION, seededRandom } from '../../shared/models';
import { CLOSE_MARGIN_MS } from '../core/server/http-limits';
import { API_TOKEN_ENV, apiTokenFile, checkApiToken, resolveApiToken } from '../core/util/local-token';
import { AppError } from '../core/util/errors';
import { UsageError, portOption, stringOption, type CliIo, type Command, type CommandArgs } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir-option';
import { HTTP_LIMITS_HELP, httpLimitOptions, httpLimitsOptions } from './http-limit-options';
import { EXIT_FORCED, closeWithinBound, waitForStopSignal } from './shutdown';
import { loadProjectFiles, logSinkOf, projectFilesOf, REPLICA_LOG_RETENTION } from './serve-projects';
import { warnTokenFlag } from './token-flag';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the mocks and the management REST API until stopped (Ctrl+C)',
  usage: `mockdeck serve [--data-dir DIR | --project FILE… [--logs memory|stdout|off]] [--host ${DEFAULT_HOST}] [--port ${DEFAULT_PORT}] [--token T] [--no-chaos] [--chaos-seed N] [--log-retention N] [--request-timeout MS] [--headers-timeout MS] [--shutdown-grace MS]`,
  help: `${DATA_DIR_HELP}
  --project FILE   serve this project file read-only instead of a data dir (repeatable; any
                   format \`mockdeck import\` reads). Nothing is written to disk: the catalog
                   lives in memory and changes over the API are refused, so any number of
                   identical replicas can run behind a load balancer
  --logs SINK      with --project: memory (default: the newest ${REPLICA_LOG_RETENTION} per project, for the
                   API's log routes), stdout (JSON lines, one per request) or off
  --host HOST      interface to listen on (default ${DEFAULT_HOST}; 0.0.0.0 exposes it to the network)
  --port PORT      port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --token T        management API token, at least 16 characters (default: $${API_TOKEN_ENV},
                   else <data-dir>/api-token). Prefer those two: other users of this machine
                   can read --token in the process list (ps)
  --no-chaos       serve without chaos this run (the kill switch off; the saved switch,
                   \`mockdeck chaos on|off\`, is left as it is)
  --chaos-seed N   draw chaos (latency, errors, faults) and weighted responses from a
                   seeded generator: the same seed and requests give the same run (tests)
  --log-retention N  request-log rows each project keeps this run, unless it has its own
                   (default: the Settings screen's choice, else ${DEFAULT_LOG_RETENTION}); 0 keeps none,
                   up to ${MAX_LOG_RETENTION}; older rows are trimmed in the background
${HTTP_LIMITS_HELP}

Once the server answers, prints one JSON line:
  {"event":"listening","url":…,"mockBaseUrl":…,"dataDir":…,"tokenFile":…}
Mocks are public at <url>/m/<project-slug>/…; the management API needs
"Authorization: Bearer <token>". SIGINT/SIGTERM stop accepting, give requests in flight
the grace period, close every connection, write the request logs and exit 0 (within the
grace period + ${CLOSE_MARGIN_MS / 1000} s); a second signal cuts the grace short, still writes the logs, and exits ${EXIT_FORCED}.`,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    token: { type: 'string' },
    'no-chaos': { type: 'boolean' },
    'chaos-seed': { type: 'string' },
    project: { type: 'string', multiple: true },
    logs: { type: 'string' },
    'log-retention': { type: 'string' },
    ...httpLimitsOptions,
    ...dataDirOption,
  },
  async run(args, io) {
    const projectFiles = projectFilesOf(args, io);
    const replica = projectFiles.length > 0;
    if (replica && args.values['data-dir'] !== undefined) {
      throw new UsageError('give either --data-dir or --project: a replica serving files keeps no data dir');
    }
    if (!replica && args.values.logs !== undefined) throw new UsageError('--logs goes with --project');
    const logSink = logSinkOf(args);
    const dataDir = replica ? null : dataDirOf(args, io);
    const host = stringOption(args, 'host') ?? DEFAULT_HOST;
    const port = portOption(args, 'port', DEFAULT_PORT);
    const flagToken = stringOption(args, 'token')?.trim() || undefined;
    if (flagToken !== undefined) {
      checkApiToken(flagToken, '--token');
      warnTokenFlag(io);
    }
    const token = resolveApiToken({ dataDir, override: flagToken });
    // Name the file only when the token really lives there.
    const tokenFile = dataDir === null || flagToken || io.env[API_TOKEN_ENV]?.trim() ? null : apiTokenFile(dataDir);
    if (replica && !flagToken && !io.env[API_TOKEN_ENV]?.trim()) {
      io.stderr(
        `note: no $${API_TOKEN_ENV}: the management API answers no one this run (set it to read logs over REST)\n`,
      );
    }

    const seed = seedOption(args);
    const logRetention = retentionOption(args);
    const app = await openApp({
      ...(logRetention === undefined ? {} : { logRetention }),
      dataDir,
      apiToken: token,
      host,
      port,
      httpLimits: httpLimitOptions(args),
      ...(seed === undefined ? {} : { random: seededRandom(seed) }),
      ...(replica ? { readOnly: true, logRetention: logSink === 'off' ? 0 : REPLICA_LOG_RETENTION } : {}),
    });
    const stopped = waitForStopSignal();
    try {
      if (args.values['no-chaos'] === true) {
        const off = await app.router.call('chaos.setEnabled', { enabled: false, persist: false }, { transport: 'cli' });
        if (!off.ok) throw AppError.fromShape(off.error);
      }
      const loaded = replica ? await loadProjectFiles(app, projectFiles) : [];
      if (logSink === 'stdout')
        app.server.onRequestLogged((log) => io.stdout(`${JSON.stringify({ event: 'request', ...log })}\n`));
      const state = await app.server.start({ host, port });
      if (!state.url) throw new AppError('SERVER_ERROR', state.error?.message ?? 'the server did not start');
      await expectAnswer(state.url, token);
      io.stdout(
        `${JSON.stringify({
          event: 'listening',
          url: state.url,
          mockBaseUrl: `${state.url}/m/`,
          dataDir,
          tokenFile,
          ...(replica ? { readOnly: true, projects: loaded } : {}),
        })}\n`,
      );
      if (host !== DEFAULT_HOST && host !== 'localhost') warnExposed(io, host);
      await stopped.promise;
    } catch (e) {
      stopped.dispose();
      await app.close();
      throw e;
    }
    stopped.dispose();
    // Stops the listeners (within the grace period), writes queued request logs, closes both databases.
    return closeWithinBound(app, stopped);
  },
};

function retentionOption(args: CommandArgs): number | undefined {
  const raw = stringOption(args, 'log-retention');
  if (raw === undefined) return undefined;
  const n = Number(raw.trim().replace(/_/g, ''));
  if (!/^\d[\d_]*$/.test(raw.trim()) || !Number.isSafeInteger(n) || n > MAX_LOG_RETENTION)
    throw new UsageError(
      `--log-retention must be a whole number of rows from 0 (keep none) to ${MAX_LOG_RETENTION}, got "${raw}"`,
    );
  return n;
}

function seedOption(args: CommandArgs): number | undefined {
  const raw = stringOption(args, 'chaos-seed');
  if (raw === undefined) return undefined;
  if (!/^\d{1,10}$/.test(raw.trim()) || Number(raw) > 0xffffffff)
    throw new UsageError(`--chaos-seed must be a whole number from 0 to 4294967295, got "${raw}"`);
  return Number(raw);
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

function warnExposed(io: CliIo, host: string): void {
  io.stderr(
    `warning: listening on ${host}: anyone who can reach this machine can call the mocks; ` +
      'the management API still needs the token\n',
  );
}
