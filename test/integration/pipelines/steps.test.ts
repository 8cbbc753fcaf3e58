import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPipelines, startReceiver, type Json, type PipelinesApi } from './harness';

let api: PipelinesApi;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pipe-steps-'));
  api = await startPipelines({
    pipelines: { retry: { attempts: 3, baseDelayMs: 5 }, coalesceMs: 20, defaultStepTimeoutMs: 20_000, baseDir: dir },
  });
  receiver = await startReceiver();
});
afterEach(async () => {
  await api.close();
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Creates a pipeline with `steps`, triggers it with `payload`, waits, returns the execution. */
async function run(steps: unknown[], payload: Record<string, unknown> = {}, workspace_id?: string): Promise<Json> {
  const created = await api.call('POST', '/api/v1/pipelines', {
    name: 'p',
    ...(workspace_id ? { workspace_id } : {}),
    definition: { triggers: [], steps },
  });
  expect(created.status).toBe(200);
  const t = await api.call('POST', `/api/v1/pipelines/${created.json.id}/trigger`, {
    event: { event_type: 'config.changed', workspace_id: workspace_id ?? 'w1', payload },
  });
  await api.settle();
  return (await api.call('GET', `/api/v1/pipelines/executions/${t.json.id}`)).json;
}

describe('notify', () => {
  it('webhook: templated message, X-Webhook-Signature = hex HMAC-SHA256 of the exact body, secret kept out of the database', async () => {
    const secret = 's3cret-value';
    const e = await run(
      [
        {
          name: 'hook',
          step_type: 'notify',
          config: {
            type: 'webhook',
            webhook_url: `${receiver.url}/in`,
            method: 'PUT',
            secret,
            message: 'spec {{event.spec_path}}',
            payload: { custom_field: 'value' },
          },
        },
      ],
      { spec_path: '/s.yaml' },
    );
    expect(e.status).toBe('completed');
    const r = receiver.received[0]!;
    expect(r.method).toBe('PUT');
    const expected = createHmac('sha256', secret).update(r.body).digest('hex');
    expect(r.headers['x-webhook-signature']).toBe(expected);
    expect(Date.parse(String(r.headers['x-webhook-timestamp']))).not.toBeNaN();
    expect(JSON.parse(r.body)).toMatchObject({ custom_field: 'value', message: 'spec /s.yaml' });
    // The stored definition refers to the keychain; the value never reaches catalog.db.
    const dump = JSON.stringify(api.app.store.db.prepare('SELECT definition FROM pipelines').all());
    expect(dump).not.toContain(secret);
    expect(dump).toContain('$secret');
  });

  it('retries 5xx with backoff and succeeds; after the last try the step is dead_letter and the run failed', async () => {
    await receiver.close();
    receiver = await startReceiver((n) => (n < 3 ? 503 : 200));
    const ok = await run([{ name: 'hook', step_type: 'notify', config: { webhook_url: receiver.url } }]);
    expect(ok.status).toBe('completed');
    expect(ok.execution_log[0].output.attempts).toBe(3);

    await receiver.close();
    receiver = await startReceiver(() => 500);
    const dead = await run([
      { name: 'hook', step_type: 'notify', config: { webhook_url: receiver.url } },
      { name: 'after', step_type: 'notify', config: { webhook_url: receiver.url } },
    ]);
    expect(dead.status).toBe('failed');
    expect(dead.error_message).toMatch(/step hook failed: delivery to .* failed after 3 tries: HTTP 500/);
    expect(dead.execution_log[0]).toMatchObject({ status: 'dead_letter', output: { dead_letter: true, attempts: 3 } });
    expect(dead.execution_log[1]).toMatchObject({ step_name: 'after', status: 'skipped' });
    expect(receiver.received).toHaveLength(3);
  });

  it('a 4xx is not retried; continue_on_error lets the next step run and the run complete', async () => {
    await receiver.close();
    receiver = await startReceiver((_n, r) => (r.url === '/bad' ? 400 : 200));
    const e = await run([
      { name: 'bad', step_type: 'notify', config: { webhook_url: `${receiver.url}/bad` }, continue_on_error: true },
      { name: 'good', step_type: 'notify', config: { webhook_url: `${receiver.url}/good` } },
    ]);
    expect(e.status).toBe('completed');
    expect(e.execution_log.map((l: Json) => l.status)).toEqual(['dead_letter', 'completed']);
    expect(receiver.received.map((r) => r.url)).toEqual(['/bad', '/good']);
  });

  it('refuses a non-http URL with a step error naming the field', async () => {
    const e = await run([{ name: 'hook', step_type: 'notify', config: { webhook_url: 'file:///etc/passwd' } }]);
    expect(e.execution_log[0]).toMatchObject({ status: 'failed', error_message: 'webhook_url must be an http(s) URL' });
  });

  it('a step over its timeout fails with a clear message', async () => {
    const { createServer } = await import('node:http');
    const hang = createServer(() => undefined);
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const port = (hang.address() as { port: number }).port;
    const e = await run([
      { name: 'slow', step_type: 'notify', timeout: 1, config: { webhook_url: `http://127.0.0.1:${port}` } },
    ]);
    hang.closeAllConnections();
    hang.close();
    expect(e.status).toBe('failed');
    expect(e.execution_log[0].error_message).toBe('step slow timed out after 1 s');
  });

  it('slack: an incoming-webhook JSON body per channel', async () => {
    const e = await run(
      [
        {
          name: 'slack',
          step_type: 'notify',
          config: {
            type: 'slack',
            slack_webhook_url: `${receiver.url}/services/T/B/X`,
            channels: ['#devops', '#alerts'],
            message: 'Schema changed: {{event.spec_path}}',
          },
        },
      ],
      { spec_path: 'api.yaml' },
    );
    expect(e.status).toBe('completed');
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual([
      { text: 'Schema changed: api.yaml', channel: '#devops' },
      { text: 'Schema changed: api.yaml', channel: '#alerts' },
    ]);
    expect(receiver.received[0]!.url).toBe('/services/T/B/X');
  });

  it('email: sent over SMTP with the password from the keychain, never stored in the definition', async () => {
    const mails: { from: string; to: string[]; data: string; user: string; pass: string }[] = [];
    let auth = { user: '', pass: '' };
    const smtp = new SMTPServer({
      authOptional: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(a, _s, cb) {
        auth = { user: a.username ?? '', pass: a.password ?? '' };
        cb(null, { user: a.username });
      },
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
            ...auth,
          });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = (smtp.server.address() as { port: number }).port;
    try {
      const e = await run([
        {
          name: 'mail',
          step_type: 'notify',
          config: {
            type: 'email',
            smtp: {
              host: '127.0.0.1',
              port,
              username: 'bot@example.com',
              password: 'smtp-pass-123',
              from: 'mockdeck@example.com',
            },
            to: ['team@example.com'],
            subject: 'Pipeline Notification',
            message: 'Schema changed in {{event.workspace_id}}',
          },
        },
      ]);
      expect(e.execution_log[0].error_message).toBeNull();
      expect(e.status).toBe('completed');
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        from: 'mockdeck@example.com',
        to: ['team@example.com'],
        user: 'bot@example.com',
        pass: 'smtp-pass-123',
      });
      expect(mails[0]!.data).toContain('Subject: Pipeline Notification');
      expect(mails[0]!.data).toContain('Schema changed in w1');
      expect(JSON.stringify(api.app.store.db.prepare('SELECT definition FROM pipelines').all())).not.toContain(
        'smtp-pass-123',
      );
      const stored = (await api.call('GET', '/api/v1/pipelines')).json[0].definition.steps[0].config.smtp.password;
      expect(stored).toEqual({ $secret: expect.stringMatching(/^pipeline:.*:mail:smtp.password$/) });
      expect(await api.secrets.get(stored.$secret)).toBe('smtp-pass-123');
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });
});

describe('regenerate_sdk', () => {
  it("writes the project's OpenAPI export and a typed TypeScript client into output_dir", async () => {
    const p = api.app.catalog.projects.create({ name: 'Shop' });
    const users = api.app.catalog.mocks.create(p.id, { name: 'users', method: 'GET', path: '/users/{id}' });
    api.app.catalog.responses.create(users.id, { statusCode: 200, body: '{"id":"u1","name":"Ada"}' });
    const e = await run(
      [
        {
          name: 'sdk',
          step_type: 'regenerate_sdk',
          config: { output_dir: 'sdk/{{event.slug}}', languages: ['typescript'] },
        },
      ],
      { slug: 'shop' },
      p.id,
    );
    expect(e.execution_log[0].error_message).toBeNull();
    const client = readFileSync(path.join(dir, 'sdk/shop/client.ts'), 'utf8');
    // The real OpenAPI 3.1 export (transfer/formats/openapi), typed by openapi-typescript.
    expect(client).toContain('"/users/{id}"');
    expect(client).toMatch(/path: \{\s*id: string;/);
    expect(JSON.parse(readFileSync(path.join(dir, 'sdk/shop/openapi.json'), 'utf8')).info.title).toBe('Shop');
    expect(e.execution_log[0].output.generated_files).toHaveLength(2);
  });

  it('other languages are a clear "not supported" step error', async () => {
    const e = await run([
      { name: 'sdk', step_type: 'regenerate_sdk', config: { output_dir: 'x', languages: ['typescript', 'rust'] } },
    ]);
    expect(e.execution_log[0].error_message).toBe(
      'SDK language "rust" is not supported: MockDeck generates typescript only (remove the others from languages)',
    );
  });
});

describe('create_pr', () => {
  it('commits the files to a new branch of a bare repository and opens a pull request at the configured API', async () => {
    const bare = path.join(dir, 'remote.git');
    const seed = path.join(dir, 'seed');
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
    git(dir, 'clone', '--quiet', bare, seed);
    git(seed, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '--allow-empty', '-m', 'init');
    git(seed, 'push', '--quiet', 'origin', 'HEAD:main');

    await receiver.close();
    receiver = await startReceiver();
    const e = await run([
      {
        name: 'pr',
        step_type: 'create_pr',
        config: {
          repository: bare,
          branch: 'main',
          head_branch: 'mockdeck/sdk-{{event.workspace_id}}',
          title: 'Auto-generated PR: Schema changes',
          body: 'This PR was auto-generated due to schema changes.',
          token: 'ghp_test_token',
          api_base_url: `${receiver.url}/api/v3`,
          github_repository: 'org/repo',
          files: [{ path: 'generated-sdks/mock_server.ts', content: 'export const x = 1;\n', operation: 'create' }],
        },
      },
    ]);
    expect(e.execution_log[0].error_message).toBeNull();
    expect(e.status).toBe('completed');
    expect(git(bare, 'show', 'mockdeck/sdk-w1:generated-sdks/mock_server.ts')).toBe('export const x = 1;\n');
    expect(git(bare, 'log', '-1', '--format=%s', 'mockdeck/sdk-w1').trim()).toBe('Auto-generated PR: Schema changes');
    const pr = receiver.received[0]!;
    expect(pr.url).toBe('/api/v3/repos/org/repo/pulls');
    expect(pr.headers.authorization).toBe('Bearer ghp_test_token');
    expect(JSON.parse(pr.body)).toEqual({
      title: 'Auto-generated PR: Schema changes',
      body: 'This PR was auto-generated due to schema changes.',
      head: 'mockdeck/sdk-w1',
      base: 'main',
    });
  });

  it('refuses a file path outside the repository', async () => {
    const e = await run([
      { name: 'pr', step_type: 'create_pr', config: { repository: dir, files: [{ path: '../evil', content: 'x' }] } },
    ]);
    expect(e.execution_log[0].error_message).toBe('file path "../evil" must stay inside the repository');
  });
});
