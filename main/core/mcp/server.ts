import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Dispatcher } from '../handlers/router';
import { contractTools, type McpTool } from './tools';

export interface McpServerOptions {
  /** The app's router, held to what the 'mcp' transport may call. */
  dispatcher: Dispatcher;
  version: string;
}

/** The longest JSON text a tool answers with; longer results say how to ask for less. */
export const MAX_RESULT_CHARS = 200_000;

/**
 * MockDeck as an MCP server: the contract's calls that allow the 'mcp' transport, as tools
 * (./tools.ts). Results are JSON text; failures are tool errors (isError) carrying the same
 * message and hint users see in the app and on REST — an assistant can read and act on them.
 * One server per connection: stdio makes one, Streamable HTTP one per request.
 */
export function createMcpServer(opts: McpServerOptions): Server {
  const tools = contractTools();
  const byName = new Map<string, McpTool>(tools.map((t) => [t.name, t]));
  const server = new Server(
    { name: 'mockdeck', title: 'MockDeck', version: opts.version },
    {
      capabilities: { tools: {} },
      instructions:
        'MockDeck serves mock HTTP APIs locally. Projects hold mocks (method + path) with responses. ' +
        'Mocks answer at <server url>/m/<project slug><mock path> (server_status gives the url). ' +
        'get_request_logs lists what was called; explain_request says why a request got its answer.',
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map(({ name, description, inputSchema, annotations }) => ({
      name,
      description,
      inputSchema,
      annotations,
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (req, extra): Promise<CallToolResult> => {
    const tool = byName.get(req.params.name);
    if (!tool) return toolError(`unknown tool "${req.params.name}"`, 'list the tools with tools/list');
    const args = req.params.arguments ?? {};
    // A call without input takes none: an empty arguments object means "no input".
    const input = Object.keys(args).length === 0 && tool.optionalInput ? undefined : args;
    const r = await opts.dispatcher.dispatch(tool.call, input, { signal: extra.signal });
    if (!r.ok) {
      const where = r.error.field ? `${r.error.field}: ` : '';
      return toolError(`${where}${r.error.message}`, r.error.hint);
    }
    const text = JSON.stringify(r.value ?? null, null, 2);
    if (text.length > MAX_RESULT_CHARS) {
      return toolError(
        `the result is ${text.length} characters, more than the ${MAX_RESULT_CHARS} a tool answers with`,
        'ask for less: a filter, a smaller limit, or one item by id',
      );
    }
    return { content: [{ type: 'text', text }] };
  });
  return server;
}

function toolError(message: string, hint?: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: hint ? `${message} (${hint})` : message }] };
}
