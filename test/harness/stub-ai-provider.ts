import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stub OpenAI-compatible provider (POST /v1/chat/completions) for AI generation tests: it
 * records every request and answers from a script, else with a valid project or mock-data
 * answer chosen by the system prompt. Runs in the test's process on a free loopback port.
 */

export interface RecordedRequest {
  authorization: string | undefined;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
    max_tokens?: number;
  };
}

/** One scripted answer: the assistant's content (with usage), an HTTP error, or a hang. */
export type StubAnswer =
  | { content: string; usage?: { prompt_tokens: number; completion_tokens: number } | null }
  | { status: number; error: string }
  | { hang: true };

export interface StubProvider {
  /** e.g. http://127.0.0.1:41234/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Answers used before the default ones, first in first out. */
  script: StubAnswer[];
  /** Refuse response_format json_schema with a 400, as older servers do. */
  refuseJsonSchema: boolean;
  /** Requests whose connection closed before an answer (a cancelled call). */
  aborted: number;
  close(): Promise<void>;
}

export const STUB_PROJECT = {
  endpoints: [
    {
      method: 'GET',
      route: '/books',
      description: 'List books',
      scenarios: [
        { name: 'Success', status: 200, responseBody: [{ id: 1, title: 'Dune', author: 'Frank Herbert' }] },
        { name: 'Server Error', status: 500, responseBody: { error: 'Internal Server Error' } },
      ],
    },
    {
      method: 'GET',
      route: '/books/{id}',
      description: 'Get one book',
      scenarios: [
        { name: 'Found', status: 200, responseBody: { id: 1, title: 'Dune', author: 'Frank Herbert' } },
        { name: 'Not Found', status: 404, responseBody: { error: 'Book not found' } },
      ],
    },
    {
      method: 'POST',
      route: '/books',
      description: 'Add a book',
      scenarios: [{ name: 'Created', status: 201, responseBody: { id: 2, title: 'Emma' } }],
    },
  ],
};

export const STUB_MOCK_DATA = {
  data: [
    { id: 'post_1', title: 'Why mocks matter', author: { id: 'user_2', name: 'Alice' }, tags: ['testing'] },
    { id: 'post_2', title: 'Offline first', author: { id: 'user_3', name: 'Bob' }, tags: ['desktop'] },
  ],
};

export const STUB_USAGE = { prompt_tokens: 120, completion_tokens: 80 };

export async function startStubProvider(): Promise<StubProvider> {
  const stub: Omit<StubProvider, 'baseUrl' | 'close'> = {
    requests: [],
    script: [],
    refuseJsonSchema: false,
    aborted: 0,
  };
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const body = JSON.parse(await readBody(req)) as RecordedRequest['body'];
    stub.requests.push({ authorization: req.headers.authorization, body });
    if (stub.refuseJsonSchema && body.response_format?.type === 'json_schema') {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: "response_format type 'json_schema' is not supported" } }));
      return;
    }
    const answer = stub.script.shift() ?? defaultAnswer(body);
    if ('hang' in answer) {
      req.socket.once('close', () => stub.aborted++);
      return;
    }
    if ('status' in answer) {
      res
        .writeHead(answer.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: answer.error } }));
      return;
    }
    const usage = answer.usage === undefined ? STUB_USAGE : answer.usage;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-stub',
        object: 'chat.completion',
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: answer.content }, finish_reason: 'stop' }],
        ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function defaultAnswer(body: RecordedRequest['body']): StubAnswer {
  const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
  if (system.includes('mock REST APIs')) return { content: JSON.stringify(STUB_PROJECT) };
  if (system.includes('JSON test data')) return { content: JSON.stringify(STUB_MOCK_DATA) };
  return { content: 'ready' };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
