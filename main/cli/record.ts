import { openApp } from '../core/app';
import { DEFAULT_HOST, DEFAULT_PORT } from '../core/core';
import type { RecordedMock, SkippedRecording } from '../core/proxy';
import { AppError } from '../core/util/errors';
import { portOption, stringOption, UsageError, type Command } from './command';
import { cliCaller, DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir-option';
import { closeWithinBound, waitForStopSignal } from './shutdown';

export const recordCommand: Command = {
  name: 'record',
  summary: "serve a project with its proxy in record mode until stopped (Ctrl+C): the upstream's answers become mocks",
  usage: `mockdeck record --project SLUG --upstream URL [--generalize-ids] [--data-dir DIR] [--host ${DEFAULT_HOST}] [--port ${DEFAULT_PORT}]`,
  help: `  --project SLUG     the project to record into (its slug or id)
  --upstream URL     the real server, e.g. https://api.example.com (a base path is kept)
  --generalize-ids   record numeric and UUID path segments as {id} (one mock for /users/1, /users/2…)
  --host HOST        interface to listen on (default ${DEFAULT_HOST})
  --port PORT        port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
${DATA_DIR_HELP}

Point your client at the "mockBaseUrl" of the first JSON line. A request no mock matches
goes to the upstream, and each new method + path it answers becomes a mock (one line each:
{"event":"recorded",…}). Authorization, Cookie and Set-Cookie values are never stored.
SIGINT/SIGTERM stop, print {"event":"stopped","recorded":N,"mocks":[…]} and give the project
back the proxy settings it had before.`,
  options: {
    project: { type: 'string', short: 'p' },
    upstream: { type: 'string' },
    'generalize-ids': { type: 'boolean' },
    host: { type: 'string' },
    port: { type: 'string' },
    ...dataDirOption,
  },
  async run(args, io) {
    const ref = stringOption(args, 'project');
    const upstream = stringOption(args, 'upstream');
    if (!ref) throw new UsageError('record needs --project SLUG', recordCommand);
    if (!upstream) throw new UsageError('record needs --upstream URL (the real server to record)', recordCommand);
    const dataDir = dataDirOf(args, io);
    const host = stringOption(args, 'host') ?? DEFAULT_HOST;
    const port = portOption(args, 'port', DEFAULT_PORT);
    const app = await openApp({ dataDir, host, port });
    const call = cliCaller(app);
    const stopped = waitForStopSignal();
    const recorded: RecordedMock[] = [];
    let restore: (() => Promise<unknown>) | null = null;
    let project: { id: string; slug: string } | undefined;
    const stopListening = app.core.proxy.recorder.listen({
      recorded(m: RecordedMock) {
        if (m.projectId !== project?.id) return;
        recorded.push(m);
        io.stdout(`${JSON.stringify({ event: 'recorded', method: m.method, path: m.path, status: m.status })}\n`);
      },
      skipped(s: SkippedRecording) {
        if (s.projectId === project?.id) io.stderr(`not recorded: ${s.method} ${s.path}: ${s.reason}\n`);
      },
    });
    try {
      const found = app.store.projects.getBySlug(ref) ?? app.store.projects.get(ref);
      if (!found)
        throw new AppError('NOT_FOUND', `no project has the slug or id "${ref}"`, {
          hint: 'list them with `mockdeck projects`',
        });
      project = found;
      const before = {
        upstreamUrl: found.upstreamUrl,
        proxyMode: found.proxyMode,
        recordGeneralizeIds: found.recordGeneralizeIds,
      };
      await call('projects.update', {
        id: found.id,
        patch: {
          upstreamUrl: upstream,
          proxyMode: 'record',
          recordGeneralizeIds: args.values['generalize-ids'] === true,
        },
      });
      restore = () => call('projects.update', { id: found.id, patch: before });
      const state = await app.server.start({ host, port });
      if (!state.url) throw new AppError('SERVER_ERROR', state.error?.message ?? 'the server did not start');
      const mockBaseUrl = `${state.url}/m/${found.slug}/`;
      io.stdout(`${JSON.stringify({ event: 'recording', project: found.slug, upstream, mockBaseUrl, dataDir })}\n`);
      await stopped.promise;
    } catch (e) {
      stopped.dispose();
      stopListening();
      await restore?.().catch(() => undefined);
      await app.close();
      throw e;
    }
    stopped.dispose();
    // Bodies that ended before the signal still become mocks; then the project gets its settings back.
    await app.core.proxy.recorder.settled();
    stopListening();
    await restore?.();
    io.stdout(
      `${JSON.stringify({ event: 'stopped', recorded: recorded.length, mocks: recorded.map((m) => `${m.method} ${m.path}`) })}\n`,
    );
    return closeWithinBound(app, stopped);
  },
};
