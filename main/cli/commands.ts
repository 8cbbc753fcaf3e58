import { bucketsCommand } from './buckets';
import type { Command } from './command';
import { chaosCommand } from './chaos';
import { cloudCommand } from './cloud';
import { exportCommand } from './export';
import { federationCommand } from './federation';
import { importCommand } from './import';
import { mcpCommand } from './mcp';
import { pluginsCommand } from './plugins';
import { logsCommand } from './logs';
import { marketCommand } from './market';
import { projectsCommand } from './projects';
import { recordCommand } from './record';
import { scenariosCommand } from './scenarios';
import { pipelinesCommand } from './pipelines';
import { serveCommand } from './serve';
import { uiCommand } from './ui';

/**
 * Every `mockdeck <command>`, in the order `mockdeck --help` lists them. A new command is a
 * module exporting a Command plus one entry here; a name registered twice throws at startup.
 */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  recordCommand,
  uiCommand,
  exportCommand,
  importCommand,
  logsCommand,
  projectsCommand,
  bucketsCommand,
  scenariosCommand,
  pipelinesCommand,
  cloudCommand,
  marketCommand,
  chaosCommand,
  pluginsCommand,
  mcpCommand,
  federationCommand,
];

export function commandTable(commands: readonly Command[]): ReadonlyMap<string, Command> {
  const table = new Map<string, Command>();
  for (const c of commands) {
    if (table.has(c.name)) throw new Error(`CLI command "${c.name}" is registered twice`);
    table.set(c.name, c);
  }
  return table;
}
