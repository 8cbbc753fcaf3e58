import { describe, expect, it } from 'vitest';
import {
  dependencyCycle,
  federationCreateSchema,
  federationProblems,
  routeFederation,
  type FederationService,
} from '../../../shared/models';
import { layoutGraph, validateFederationForm } from '../../../renderer/src/features/federation/federation-form';

const svc = (name: string, base_path: string, dependencies: string[] = []): FederationService => ({
  name,
  workspace_id: `p-${name}`,
  base_path,
  reality_level: 'mock_v3',
  config: {},
  dependencies,
});

describe('routeFederation', () => {
  const services = [svc('root', '/'), svc('api', '/api'), svc('admin', '/api/admin')];
  it.each([
    ['/api/admin/users', 'admin', '/users'],
    ['/api/admin', 'admin', '/'],
    ['/api/administrator', 'api', '/administrator'],
    ['/api', 'api', '/'],
    ['/apis', 'root', '/apis'],
    ['/', 'root', '/'],
    ['/api/admin/x?q=/api', 'admin', '/x'],
  ])('%s goes to %s as %s', (path, name, rest) => {
    const r = routeFederation(services, path);
    expect(r?.service.name).toBe(name);
    expect(r?.service_path).toBe(rest);
  });
  it('is null when no base path matches', () => {
    expect(routeFederation([svc('a', '/a')], '/b')).toBeNull();
    expect(routeFederation([], '/')).toBeNull();
  });
});

describe('federationProblems', () => {
  it('finds cycles of any length, naming the path', () => {
    expect(dependencyCycle([svc('a', '/a', ['b']), svc('b', '/b', ['c']), svc('c', '/c', ['a'])])).toEqual([
      'a',
      'b',
      'c',
      'a',
    ]);
    expect(dependencyCycle([svc('a', '/a', ['b']), svc('b', '/b'), svc('c', '/c', ['a', 'b'])])).toBeNull();
  });
  it('refuses self-dependency, unknown names, duplicate names and base paths; allows nesting', () => {
    const msgs = (s: FederationService[]) => federationProblems(s).map((p) => p.message);
    expect(msgs([svc('a', '/a', ['a'])])).toEqual([expect.stringMatching(/depends on itself/)]);
    expect(msgs([svc('a', '/a', ['zz'])])).toEqual([expect.stringMatching(/"zz", which is not a service/)]);
    expect(msgs([svc('a', '/a'), svc('a', '/b')])).toEqual([expect.stringMatching(/two services are named "a"/)]);
    expect(msgs([svc('a', '/a'), svc('b', '/a')])).toEqual([expect.stringMatching(/overlap/)]);
    expect(msgs([svc('a', '/a'), svc('b', '/a/b')])).toEqual([]);
  });
  it('normalises a trailing slash before comparing base paths', () => {
    const r = federationCreateSchema.safeParse({
      name: 'x',
      services: [
        { name: 'a', workspace_id: 'p', base_path: '/a', reality_level: 'real' },
        { name: 'b', workspace_id: 'p', base_path: '/a/', reality_level: 'real' },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['services', 1, 'base_path']);
  });
});

describe('the editor', () => {
  it('lays dependencies out left of what depends on them, and survives a cycle', () => {
    const { boxes } = layoutGraph([svc('web', '/', ['api']), svc('api', '/api', ['db']), svc('db', '/db')]);
    const x = Object.fromEntries(boxes.map((b) => [b.name, b.x]));
    expect(x.db).toBeLessThan(x.api!);
    expect(x.api).toBeLessThan(x.web!);
    expect(layoutGraph([svc('a', '/a', ['b']), svc('b', '/b', ['a'])]).boxes).toHaveLength(2);
  });
  it('reports the schema errors by field path, as the API would', () => {
    const errors = validateFederationForm({
      name: 'shop',
      description: '',
      services: [{ name: 'a', workspace_id: 'p', base_path: 'a', reality_level: 'real', dependencies: '', config: {} }],
    });
    expect(errors['services.0.base_path']).toMatch(/must start with "\/"/);
  });
});
