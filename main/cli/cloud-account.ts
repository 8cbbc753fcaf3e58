import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import type { ServiceStatusView, UsageMonthView } from '../../shared/ipc/cloud-account';
import { AppError } from '../core/util/errors';
import { EXIT_FAILURE, EXIT_OK, UsageError, stringOption, type CliIo, type CommandArgs } from './command';
import { withCloudApp } from './cloud-app';

/** `mockdeck cloud usage | export-data | status`: the account calls of issue 19, through the router. */
export const ACCOUNT_SUBCOMMANDS: ReadonlySet<string> = new Set(['usage', 'export-data', 'status']);

export const ACCOUNT_USAGE = `       mockdeck cloud usage [--months N] [--json] | export-data --out FILE | status [--json]`;

export const ACCOUNT_HELP = `  --months N       usage: how many months of history (1–36, default 6)
  --out FILE       export-data: where to write your data (JSON, credentials removed, mode 600)
  --json           usage, status: one JSON value instead of a table
  status exits 1 unless every cloud service is operational.`;

export const ACCOUNT_OPTIONS = {
  months: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Call = <K extends CallName>(name: K, input: CallInput<K>) => Promise<CallOutput<K>>;

export function runCloudAccountCommand(sub: string, args: CommandArgs, io: CliIo): Promise<number> {
  // Check the flags before opening anything.
  const months = sub === 'usage' ? monthsOption(args) : undefined;
  const out = stringOption(args, 'out');
  if (sub === 'export-data' && !out) throw new UsageError('cloud export-data needs --out FILE');
  return withCloudApp(args, io, async (app) => {
    const call: Call = async (name, input) => {
      const r = await app.router.call(name, input, { transport: 'cli' });
      if (r.ok) return r.value;
      throw AppError.fromShape(r.error);
    };
    if (sub === 'usage') return usage(call, io, months ?? 6, args.values.json === true);
    if (sub === 'export-data') return exportData(call, io, path.resolve(io.cwd, out!));
    return status(call, io, args.values.json === true);
  });
}

function monthsOption(args: CommandArgs): number | undefined {
  const raw = stringOption(args, 'months');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 36)
    throw new UsageError(`--months must be a whole number from 1 to 36, not "${raw}"`);
  return n;
}

async function usage(call: Call, io: CliIo, months: number, asJson: boolean): Promise<number> {
  const [history, account] = await Promise.all([call('account.usageHistory', { months }), call('account.get', {})]);
  if (asJson) {
    io.stdout(`${JSON.stringify({ plan: account.plan, today: account.usage, limits: account.limits, history })}\n`);
    return EXIT_OK;
  }
  const u = account.usage;
  io.stdout(`plan ${account.plan} (${account.status})\n`);
  io.stdout(
    `this period: ${count(u.requests)} of ${count(u.requestsLimit)} requests, ${bytes(u.storageBytes)} of ${bytes(u.storageLimitBytes)} storage\n\n`,
  );
  io.stdout(table(history));
  return EXIT_OK;
}

function table(history: UsageMonthView[]): string {
  const rows = [['month', 'requests', 'storage', 'AI tokens']].concat(
    history.map((m) => [m.periodStart.slice(0, 7), count(m.requests), bytes(m.storageBytes), count(m.aiTokensUsed)]),
  );
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n') +
    '\n'
  );
}

async function exportData(call: Call, io: CliIo, file: string): Promise<number> {
  const data = await call('account.exportData', {});
  // Personal data: readable by this user only.
  await writeFile(file, data.content, { mode: 0o600 });
  io.stderr(
    `wrote ${file} (${bytes(data.bytes)})${data.removed ? `; ${data.removed} credential value(s) were removed` : ''}\n`,
  );
  io.stdout(`${JSON.stringify({ file, bytes: data.bytes, removed: data.removed })}\n`);
  return EXIT_OK;
}

async function status(call: Call, io: CliIo, asJson: boolean): Promise<number> {
  const s = await call('cloud.serviceStatus', {});
  if (asJson) io.stdout(`${JSON.stringify(s)}\n`);
  else io.stdout(statusText(s));
  return s.verdict === 'operational' ? EXIT_OK : EXIT_FAILURE;
}

function statusText(s: ServiceStatusView): string {
  const lines = [`${s.verdict.toUpperCase()}: ${s.summary}`];
  if (s.status) {
    lines.push(`overall: ${s.status.overall}`);
    for (const x of s.status.services) lines.push(`  ${x.name}: ${x.status}${x.message ? ` — ${x.message}` : ''}`);
  } else if (s.statusError) lines.push(`status page: ${s.statusError}`);
  if (s.health)
    lines.push(`health: ${s.health.status} (${s.health.checks.map((c) => `${c.name} ${c.status}`).join(', ')})`);
  else if (s.healthError) lines.push(`health check: ${s.healthError}`);
  return `${lines.join('\n')}\n`;
}

const count = (n: number | null): string => (n === null ? '–' : n.toLocaleString('en-US'));
function bytes(n: number | null): string {
  if (n === null) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
