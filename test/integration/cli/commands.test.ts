import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';
import { runCli } from '../../../main/cli/run';
import type { Command } from '../../../main/cli/command';
import pkg from '../../../package.json' with { type: 'json' };
import { mockdeck, removeTempDirs, tempDir } from './cli-harness';

afterAll(removeTempDirs);

/** A data dir holding one project with two mocks and three responses. */
function seededDataDir(): string {
  const dir = tempDir();
  const store = openStore(dir);
  try {
    const catalog = new Catalog(store, systemClock);
    const p = catalog.projects.create({ name: 'Pet Store', description: 'pets' });
    const m = catalog.mocks.create(p.id, { name: 'List pets', path: '/pets', method: 'GET' });
    catalog.responses.create(m.id, { name: 'OK', body: '[{"id":1}]', headers: { 'X-Total': '1' }, isDefault: true });
    catalog.responses.create(m.id, {
      name: 'Empty',
      body: '[]',
      conditions: [{ type: 'query', field: 'empty', operator: 'exists' }],
    });
    const m2 = catalog.mocks.create(p.id, { name: 'Get pet', path: '/pets/{id}', method: 'GET', responseDelay: 10 });
    catalog.responses.create(m2.id, { statusCode: 404, body: '{"error":"no pet"}' });
  } finally {
    store.close();
  }
  return dir;
}

describe('help, version and usage errors', () => {
  it('prints the version', async () => {
    expect(await mockdeck(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints the command list for --help and help, and a command help', async () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const r = await mockdeck(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: mockdeck <command>/);
      for (const c of ['serve', 'export', 'import', 'projects']) expect(r.stdout).toContain(`  ${c} `);
    }
    const serve = await mockdeck(['help', 'serve']);
    expect(serve.code).toBe(0);
    expect(serve.stdout).toMatch(/--port PORT/);
    expect((await mockdeck(['export', '--help'])).stdout).toMatch(/Usage: mockdeck export --project SLUG/);
  });

  it.each([
    [[], /Usage: mockdeck <command>/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['--frobnicate'], /unknown option "--frobnicate"/],
    [['help', 'frobnicate'], /unknown command "frobnicate"/],
    [['serve', '--bogus'], /Unknown option '--bogus'/],
    [['serve', '--port'], /--port/],
    [['serve', '--port', 'abc'], /--port must be a port number/],
    [['serve', '--port', '70000'], /--port must be a port number/],
    [['serve', 'extra'], /Unexpected argument|unexpected argument/],
    [['export'], /export needs --project SLUG/],
    [['import'], /import needs an argument/],
    [['import', 'a.json', 'b.json'], /unexpected argument "b.json"/],
  ])('mockdeck %j exits 2 with a usage message on stderr', async (args, message) => {
    const r = await mockdeck(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: mockdeck/);
  });

  it('refuses a command table with a name registered twice', async () => {
    const dummy: Command = { name: 'x', summary: 'x', usage: 'mockdeck x', options: {}, run: async () => 0 };
    let err = '';
    const code = await runCli(['x'], { stdout: () => {}, stderr: (t) => void (err += t), env: {}, cwd: '/' }, [
      dummy,
      dummy,
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(/"x" is registered twice/);
  });

  it('runs a command added to the table, passing its flags and positionals', async () => {
    let seen: unknown;
    const cloud: Command = {
      name: 'cloud',
      summary: 'cloud things',
      usage: 'mockdeck cloud <login|deploy> [--org ORG]',
      options: { org: { type: 'string' } },
      positionals: { min: 1, max: 2 },
      run: async (args, io) => {
        seen = args;
        io.stdout('ok\n');
        return 0;
      },
    };
    const out: string[] = [];
    const code = await runCli(
      ['cloud', 'deploy', '--org', 'acme'],
      { stdout: (t) => void out.push(t), stderr: () => {}, env: {}, cwd: '/' },
      [cloud],
    );
    expect(code).toBe(0);
    expect(seen).toEqual({ values: { org: 'acme' }, positionals: ['deploy'] });
  });
});

describe('export and import', () => {
  it('round-trips a project through a file into another data dir', async () => {
    const from = seededDataDir();
    const to = tempDir();
    const file = path.join(tempDir(), 'pets.mockdeck.json');

    const exp = await mockdeck(['export', '--project', 'pet-store', '--out', file, '--data-dir', from]);
    expect(exp).toMatchObject({ code: 0, stdout: '' });
    expect(exp.stderr).toContain(file);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written).toMatchObject({
      mockdeck: 'project',
      version: 1,
      project: { name: 'Pet Store', slug: 'pet-store' },
    });
    expect(written.mocks).toHaveLength(2);

    const imp = await mockdeck(['import', file, '--data-dir', to]);
    expect(imp.code).toBe(0);
    const created = JSON.parse(imp.stdout);
    expect(created).toMatchObject({
      name: 'Pet Store',
      slug: 'pet-store',
      mock_count: 2,
      response_count: 3,
      slug_changed: false,
    });

    // Exporting from the target gives the same content (only exportedAt differs).
    const back = await mockdeck(['export', '-p', 'pet-store', '--data-dir', to]);
    expect(back.code).toBe(0);
    expect({ ...JSON.parse(back.stdout), exportedAt: null }).toEqual({ ...written, exportedAt: null });

    // Importing again keeps the first and reports the new slug.
    const again = await mockdeck(['import', file, '--data-dir', to]);
    expect(JSON.parse(again.stdout)).toMatchObject({ slug: 'pet-store-2', slug_changed: true });
    expect(again.stderr).toMatch(/imported as "pet-store-2"/);
    const list = await mockdeck(['projects', '--json', '--data-dir', to]);
    expect(JSON.parse(list.stdout).map((p: { slug: string }) => p.slug)).toEqual(['pet-store', 'pet-store-2']);
  });

  it('resolves relative paths against the working directory and honours $MOCKDECK_DATA_DIR', async () => {
    const from = seededDataDir();
    const cwd = tempDir();
    const r = await mockdeck(['export', '--project', 'pet-store', '--out', 'out.json'], {
      cwd,
      env: { MOCKDECK_DATA_DIR: from },
    });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(cwd, 'out.json'))).toBe(true);
    const table = await mockdeck(['projects'], { cwd, env: { MOCKDECK_DATA_DIR: from } });
    expect(table.stdout).toMatch(/pet-store\s+2\s+Pet Store/);
  });

  it('exits 1 with one line naming an unknown project', async () => {
    const r = await mockdeck(['export', '--project', 'nope', '--data-dir', seededDataDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'mockdeck export: error: no project with slug or id "nope" (list the projects with `mockdeck projects`)\n',
    );
  });

  const broken: [string, string, RegExp][] = [
    ['not JSON', '{"mockdeck": "project",', /broken\.json is not valid JSON/],
    [
      'a bad mock path',
      JSON.stringify({
        mockdeck: 'project',
        version: 1,
        project: { name: 'B' },
        mocks: [{ name: 'a', path: 'nope', method: 'GET' }],
      }),
      /mocks\.0\.path: path must start with "\/"/,
    ],
    [
      'a response body object',
      JSON.stringify({
        mockdeck: 'project',
        version: 1,
        project: { name: 'B' },
        mocks: [{ name: 'a', path: '/a', method: 'GET', responses: [{ body: { x: 1 } }] }],
      }),
      /mocks\.0\.responses\.0\.body: body must be a string/,
    ],
    [
      'a newer version',
      JSON.stringify({ mockdeck: 'project', version: 9, project: { name: 'B' } }),
      /version 9, written by a newer MockDeck/,
    ],
    ['another JSON file', JSON.stringify({ name: 'package', version: '1.0.0' }), /not a MockDeck project file/],
  ];
  it.each(broken)(
    'import of a file with %s exits 1 naming the problem and creates nothing',
    async (_label, text, message) => {
      const dataDir = tempDir();
      const file = path.join(tempDir(), 'broken.json');
      writeFileSync(file, text);
      const r = await mockdeck(['import', file, '--data-dir', dataDir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const list = await mockdeck(['projects', '--json', '--data-dir', dataDir]);
      expect(JSON.parse(list.stdout)).toEqual([]);
    },
  );

  it('import of a missing file exits 1', async () => {
    const r = await mockdeck(['import', '/nonexistent/file.json', '--data-dir', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read \/nonexistent\/file\.json: ENOENT/);
  });
});
