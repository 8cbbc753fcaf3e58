/**
 * Runs the contract server as its own process (Playwright, manual testing):
 *   npx tsx test/cloud-server/main.ts [--port N] [--plan free|pro|team] [--deploy-ready-ms N] [--seed team]
 * Prints one JSON line {"url": …} on stdout, then serves until SIGTERM/SIGINT.
 */
import { isPlanName } from './billing/plans';
import type { CloudServerOptions } from './context';
import { startCloudServer } from './index';

function parseArgs(argv: string[]): CloudServerOptions {
  const opts: CloudServerOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const num = (): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, got "${value}"`);
      i++;
      return n;
    };
    if (flag === '--port') opts.port = num();
    else if (flag === '--deploy-ready-ms') opts.deployReadyAfterMs = num();
    else if (flag === '--rate-limit') opts.rateLimitPerMinute = num();
    else if (flag === '--jwt-ttl') opts.jwtTtlSeconds = num();
    else if (flag === '--seed') {
      if (value !== 'team') throw new Error(`--seed must be team, got "${value}"`);
      opts.seed = value;
      i++;
    } else if (flag === '--plan') {
      if (!value || !isPlanName(value)) throw new Error(`--plan must be free, pro or team, got "${value}"`);
      opts.plan = value;
      i++;
    } else throw new Error(`unknown argument "${flag}"`);
  }
  return opts;
}

const server = await startCloudServer(parseArgs(process.argv.slice(2)));
process.stdout.write(
  `${JSON.stringify({ url: server.url, ...(server.seeded.team ? { team: server.seeded.team } : {}) })}\n`,
);

const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
