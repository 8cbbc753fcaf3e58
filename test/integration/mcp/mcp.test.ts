import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { removeTempDirs, tempDir } from '../cli/cli-harness';

const root = path.resolve(import.meta.dirname, '../../..');
const TOKEN = 'mcp-test-token-0123456789abcdef';
const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const c of opened.reverse()) await c.close().catch(() => undefined);
  removeTempDirs();
});

type ToolResult = { isError?: boolean; content: { type: string; text: string }[] };
async function tool(client: Client, name: string, args: Record<string, unknown> = {}) {
  const r = (await client.callTool({ name, arguments: args })) as ToolResult;
  const text = r.content[0]!.text;
  return { isError: r.isError === true, text, json: r.isError ? null : (JSON.parse(text) as any) }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** What an agent does: make a project, a mock and a response, call the mock, read the log. */
async function agentFlow(client: Client, mockBase: () => Promise<string>) {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name);
  for (const required of [
    'list_projects',
    'get_project',
    'create_project',
    'create_mock',
    'update_mock',
    'add_response',
    'update_response',
    'delete_mock',
    'import_spec',
    'get_request_logs',
    'explain_request',
    'server_status',
    'generate_project',
  ]) {
    expect(names).toContain(required);
  }
  // Inputs are JSON Schemas of the zod models.
  const createMock = tools.find((t) => t.name === 'create_mock')!;
  expect(createMock.inputSchema).toMatchObject({ type: 'object', required: ['projectId', 'mock'] });
  expect(tools.find((t) => t.name === 'list_projects')!.annotations).toMatchObject({ readOnlyHint: true });

  const project = await tool(client, 'create_project', { name: 'Agent API' });
  expect(project.isError).toBe(false);
  const mock = await tool(client, 'create_mock', {
    projectId: project.json.id,
    mock: { name: 'user', method: 'GET', path: '/users/{id}' },
  });
  expect(mock.isError).toBe(false);
  const response = await tool(client, 'add_response', {
    mockId: mock.json.id,
    response: { statusCode: 200, body: '{"id":"{{urlParam \'id\'}}"}' },
  });
  expect(response.isError).toBe(false);

  // A user's mistake is a tool error with the message and hint users see.
  const bad = await tool(client, 'create_mock', {
    projectId: project.json.id,
    mock: { name: 'bad', method: 'GET', path: 'no-slash' },
  });
  expect(bad.isError).toBe(true);
  expect(bad.text).toMatch(/path/);

  const res = await fetch(`${await mockBase()}${project.json.slug}/users/7`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ id: '7' });
  await fetch(`${await mockBase()}${project.json.slug}/users`, { method: 'POST' });

  const logs = await tool(client, 'get_request_logs', { projectId: project.json.id });
  expect(logs.json.total).toBe(2);
  const byPath = Object.fromEntries(
    logs.json.rows.map((r: { requestPath: string; requestMethod: string; id: string }) => [
      `${r.requestMethod} ${r.requestPath}`,
      r.id,
    ]),
  );
  const hit = await tool(client, 'explain_request', { id: byPath['GET /users/7'] });
  expect(hit.json).toMatchObject({ outcome: 'mock', status: 200, mock: { path: '/users/{id}' } });
  const miss = await tool(client, 'explain_request', { id: byPath['POST /users'] });
  expect(miss.json.outcome).toBe('no-mock');
  expect(miss.json.summary).toMatch(/No mock matched POST \/users/);
  return project.json.id as string;
}

describe('MCP server (the official SDK client)', () => {
  it('over stdio: `mockdeck mcp --serve` lists tools, builds a mock an agent then calls and reads back', async () => {
    const dataDir = tempDir();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'main/cli.ts', 'mcp', '--data-dir', dataDir, '--serve', '--port', '0'],
      cwd: root,
      env: { ...(process.env as Record<string, string>), MOCKDECK_API_TOKEN: '' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'mcp-test', version: '1.0.0' });
    await client.connect(transport);
    opened.push(client);
    const mockBase = async () => {
      const status = await tool(client, 'server_status');
      return `${status.json.url as string}/m/`;
    };
    await agentFlow(client, mockBase);
    await client.close();
  }, 120_000);

  it('over Streamable HTTP at /mcp behind the Bearer token', async () => {
    const app: App = await openApp({ dataDir: null, apiToken: TOKEN });
    opened.push(app);
    const state = await app.server.start({ host: '127.0.0.1', port: 0 });
    const url = new URL(`${state.url}/mcp`);

    const anonymous = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(anonymous.status).toBe(401);

    const client = new Client({ name: 'mcp-http-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: `Bearer ${TOKEN}` } } }),
    );
    opened.push(client);
    const projectId = await agentFlow(client, async () => `${state.url}/m/`);
    expect(app.catalog.projects.get(projectId).mocks).toHaveLength(1);
  }, 60_000);

  it('a read-only replica refuses changes over MCP with the reason', async () => {
    const app = await openApp({ dataDir: null, apiToken: TOKEN, readOnly: true });
    opened.push(app);
    const state = await app.server.start({ host: '127.0.0.1', port: 0 });
    const client = new Client({ name: 'mcp-ro-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${state.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
      }),
    );
    opened.push(client);
    const r = await tool(client, 'create_project', { name: 'nope' });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/read-only.*restart the replicas/);
    expect((await tool(client, 'list_projects')).json).toEqual([]);
  }, 60_000);
});
