import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { openApp } from '../core/app';
import { DEFAULT_HOST, DEFAULT_PORT } from '../core/core';
import { createMcpServer } from '../core/mcp/server';
import { AppError } from '../core/util/errors';
import { EXIT_OK, portOption, stringOption, type Command } from './command';
import { DATA_DIR_HELP, dataDirOf, dataDirOption } from './data-dir-option';
import { waitForStopSignal } from './shutdown';

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'run MockDeck as an MCP server over stdio, for coding agents (Claude, Cursor, VS Code…)',
  usage: `mockdeck mcp [--data-dir DIR] [--serve [--host ${DEFAULT_HOST}] [--port ${DEFAULT_PORT}]]`,
  help: `${DATA_DIR_HELP}
  --serve          also serve the mocks while the agent works (the server_status tool gives
                   their URL); without it, run \`mockdeck serve\` or the desktop app for that
  --host HOST      with --serve: interface to listen on (default ${DEFAULT_HOST})
  --port PORT      with --serve: port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)

Speaks JSON-RPC on stdin/stdout; notes go to stderr. The tools are the contract's calls an
assistant may make (list_projects, create_mock, add_response, get_request_logs,
explain_request, server_status, import_spec…); see docs/mcp.md for client configuration.
Ends when the client closes stdin, or on Ctrl+C.`,
  options: { serve: { type: 'boolean' }, host: { type: 'string' }, port: { type: 'string' }, ...dataDirOption },
  async run(args, io) {
    const dataDir = dataDirOf(args, io);
    const app = await openApp({ dataDir });
    const stopped = waitForStopSignal();
    try {
      if (args.values.serve === true) {
        const state = await app.server.start({
          host: stringOption(args, 'host') ?? DEFAULT_HOST,
          port: portOption(args, 'port', DEFAULT_PORT),
        });
        if (!state.url) throw new AppError('SERVER_ERROR', state.error?.message ?? 'the mock server did not start');
        io.stderr(`mockdeck mcp: mocks are served at ${state.url}/m/\n`);
      }
      const server = createMcpServer({ dispatcher: app.router.forTransport('mcp'), version: app.env.version });
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((resolve) => {
        transport.onclose = resolve;
        process.stdin.once('end', resolve);
      });
      await server.connect(transport);
      await Promise.race([closed, stopped.promise]);
      await server.close();
    } finally {
      stopped.dispose();
      await app.close();
    }
    return EXIT_OK;
  },
};
