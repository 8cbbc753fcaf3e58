import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { FastifyInstance } from 'fastify';
import type { Dispatcher } from '../../handlers/router';
import { createMcpServer } from '../../mcp/server';

export interface McpRouteOptions {
  /** The router held to the 'mcp' transport. */
  dispatcher: Dispatcher;
  version: string;
}

/**
 * MCP over Streamable HTTP at /mcp, behind the management API's Bearer token (the route is
 * registered inside its auth hook). Stateless: each POST gets its own server and transport
 * and answers with JSON, so there is no session to keep, leak or pin to one replica; GET
 * (a server-to-client stream) and DELETE (ending a session) answer 405 as the spec allows
 * for servers without sessions.
 */
export function mcpRoute(app: FastifyInstance, opts: McpRouteOptions): void {
  app.post('/mcp', async (req, reply) => {
    const server = createMcpServer(opts);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    reply.hijack();
    // A client that leaves cancels the calls its request started.
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req.raw, reply.raw, req.body);
  });
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/mcp',
      handler: async (_req, reply) =>
        reply
          .code(405)
          .header('allow', 'POST')
          .send({
            jsonrpc: '2.0',
            error: { code: -32000, message: 'this MCP server is stateless: send JSON-RPC requests with POST' },
            id: null,
          }),
    });
  }
}
