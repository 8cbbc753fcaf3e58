import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { HTTP_METHODS, LOG_EXPORT_FORMATS, type LogExportFormat, type RequestLogFilter } from '../../shared/models';
import { EXIT_OK, stringOption, UsageError, type Command, type CommandArgs } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption, withCalls } from './data-dir-option';
import { projectIdOf } from './project-ref';

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
/** Rows per call: each chunk is one keyset page, so memory stays flat whatever the log's size. */
const CHUNK = 1000;

export const logsCommand: Command = {
  name: 'logs',
  summary: "export a project's request log (filtered) as HAR 1.2 or NDJSON",
  usage: `mockdeck logs export --project SLUG [--format har|ndjson] [--method M] [--status 2xx] [--mock ID] [--unmatched] [--path TEXT] [--since ISO] [--until ISO] [--out FILE] [--data-dir DIR]`,
  help: `  export           write the log, oldest first, streamed page by page
  --project SLUG   the project's slug (or id)
  --format F       har (default: HAR 1.2, for browser dev tools and HAR viewers) or ndjson
                   (one request-log object a line, for jq and scripts)
  --method M       only requests with this method
  --status C       only this status class: ${STATUS_CLASSES.join(', ')}
  --mock ID        only requests this mock answered; --unmatched: only those none did
  --path TEXT      only paths containing TEXT (case-insensitive)
  --since ISO      only requests at or after this time (ISO 8601); --until: at or before
  --out FILE       where to write (default: stdout)
${DATA_DIR_HELP}`,
  options: {
    project: { type: 'string', short: 'p' },
    format: { type: 'string', short: 'f' },
    method: { type: 'string' },
    status: { type: 'string' },
    mock: { type: 'string' },
    unmatched: { type: 'boolean' },
    path: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...dataDirOption,
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const [sub] = args.positionals;
    if (sub !== 'export')
      throw new UsageError(`unknown logs command "${sub}": try \`mockdeck logs export\``, logsCommand);
    const slug = stringOption(args, 'project');
    if (!slug) throw new UsageError('logs export needs --project SLUG', logsCommand);
    const format = formatOf(args);
    const out = stringOption(args, 'out');
    const file = out ? path.resolve(io.cwd, out) : null;
    // Write then rename, so an interrupted export never leaves half a file in place of a good one.
    const tmp = file ? `${file}.${process.pid}.tmp` : null;
    const fd = tmp ? openSync(tmp, 'w') : null;
    let rows = 0;
    try {
      await withCalls(dataDirOf(args, io), async (call) => {
        const filter = { projectId: await projectIdOf(call, slug), ...filterOf(args) };
        let after: string | undefined;
        for (;;) {
          const chunk = await call('requestLogs.export', { ...filter, format, limit: CHUNK, after });
          if (fd === null) io.stdout(chunk.text);
          else writeSync(fd, chunk.text);
          rows += chunk.count;
          if (chunk.next === null) break;
          after = chunk.next;
        }
      });
    } finally {
      if (fd !== null) closeSync(fd);
    }
    if (file && tmp) {
      renameSync(tmp, file);
      io.stderr(`exported ${rows} logged requests of "${slug}" to ${file}\n`);
    }
    return EXIT_OK;
  },
};

function formatOf(args: CommandArgs): LogExportFormat {
  const raw = stringOption(args, 'format') ?? 'har';
  if (!(LOG_EXPORT_FORMATS as readonly string[]).includes(raw))
    throw new UsageError(`--format must be one of ${LOG_EXPORT_FORMATS.join(', ')} (got "${raw}")`, logsCommand);
  return raw as LogExportFormat;
}

function filterOf(args: CommandArgs): Omit<RequestLogFilter, 'projectId'> {
  const method = stringOption(args, 'method')?.toUpperCase();
  if (method !== undefined && !(HTTP_METHODS as readonly string[]).includes(method) && method !== 'HEAD')
    throw new UsageError(`--method must be one of ${HTTP_METHODS.join(', ')} (got "${method}")`, logsCommand);
  const status = stringOption(args, 'status');
  if (status !== undefined && !(STATUS_CLASSES as readonly string[]).includes(status))
    throw new UsageError(`--status must be one of ${STATUS_CLASSES.join(', ')} (got "${status}")`, logsCommand);
  const date = (name: 'since' | 'until'): string | undefined => {
    const v = stringOption(args, name);
    if (v !== undefined && Number.isNaN(Date.parse(v)))
      throw new UsageError(`--${name} must be an ISO 8601 time, e.g. 2026-02-01T00:00:00Z (got "${v}")`, logsCommand);
    return v === undefined ? undefined : new Date(v).toISOString();
  };
  const f: Omit<RequestLogFilter, 'projectId'> = {};
  if (method) f.method = method;
  if (status) f.statusClass = status as (typeof STATUS_CLASSES)[number];
  const mock = stringOption(args, 'mock');
  if (mock) f.mockId = mock;
  if (args.values.unmatched === true) f.unmatched = true;
  const text = stringOption(args, 'path');
  if (text) f.pathText = text;
  const since = date('since');
  if (since) f.startDate = since;
  const until = date('until');
  if (until) f.endDate = until;
  return f;
}
