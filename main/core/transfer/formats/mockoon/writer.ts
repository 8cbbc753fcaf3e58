import { createHash } from 'node:crypto';
import {
  EnvironmentSchema,
  HighestMigrationId,
  type DataBucket,
  type Environment,
  type ResponseRule,
  type Route,
  type RouteResponse,
} from '@mockoon/commons';
import { CONTENT_TYPES, headerPairs, type MockDraft } from '../../../../../shared/models';
import type { ProjectFile } from '../../project-file';
import type { ExportFormatWriter } from '../types';
import { endpointOf } from './paths';
import { ruleOf } from './rules';

/**
 * A MockDeck project as a Mockoon environment of the newest format @mockoon/commons knows,
 * passed through Mockoon's own schema (which fills every field the CLI expects), so
 * `mockoon-cli start --data FILE` serves it. UUIDs are derived from the project's slug and
 * the item's position: exporting the same project twice writes the same file.
 */
export const mockoonWriter: ExportFormatWriter = {
  id: 'mockoon',
  label: 'Mockoon environment',
  write(file) {
    const { env, warnings } = environmentOf(file);
    return { text: `${JSON.stringify(env, null, 2)}\n`, fileName: `${file.project.slug}.mockoon.json`, warnings };
  },
};

export function environmentOf(file: ProjectFile): { env: Environment; warnings: string[] } {
  const warnings: string[] = [];
  const id = (...parts: (string | number)[]): string => uuidFrom(file.project.slug, ...parts);
  const data: DataBucket[] = file.buckets.map((b, i) => ({
    uuid: id('bucket', i),
    id: createHash('sha1').update(`${file.project.slug}/${b.name}`).digest('hex').slice(0, 4),
    name: b.name,
    documentation: b.description,
    value: b.content,
  }));
  const routes: Route[] = [];
  file.mocks.forEach((m, i) => {
    const where = `mock ${i + 1} (${m.method} ${m.path})`;
    if (!m.isActive) {
      warnings.push(`${where} is inactive: not exported (Mockoon has no inactive routes in an environment file)`);
      return;
    }
    if (m.chaos) warnings.push(`${where}: its chaos setting is not exported (Mockoon has none)`);
    const route =
      m.kind === 'crud' ? crudRouteOf(m, id(i), data, where, warnings) : httpRouteOf(m, id(i), where, warnings);
    if (route) routes.push(route);
  });
  if (file.project.chaos) warnings.push("the project's chaos setting is not exported (Mockoon has none)");
  const draft = {
    uuid: id('environment'),
    lastMigration: HighestMigrationId,
    name: file.project.name,
    endpointPrefix: '',
    latency: 0,
    port: file.project.port ?? 3000,
    hostname: '',
    folders: [],
    routes,
    rootChildren: routes.map((r) => ({ type: 'route', uuid: r.uuid })),
    proxyMode: false,
    proxyHost: '',
    proxyRemovePrefix: false,
    tlsOptions: { enabled: false, type: 'CERT', pfxPath: '', certPath: '', keyPath: '', caPath: '', passphrase: '' },
    cors: true,
    headers: [],
    proxyReqHeaders: [],
    proxyResHeaders: [],
    data,
    callbacks: [],
  };
  const validated = (EnvironmentSchema as { validate(v: unknown): { value?: Environment; error?: Error } }).validate(
    draft,
  );
  if (!validated.value)
    throw new Error(`Mockoon's schema refused the exported environment: ${validated.error?.message}`);
  return { env: validated.value, warnings };
}

function httpRouteOf(m: MockDraft, uuid: string, where: string, warnings: string[]): Route {
  // ANY (issue 17) is Mockoon's `all`.
  const method = (m.method as string) === 'ANY' ? 'all' : m.method.toLowerCase();
  const defaultContentType = CONTENT_TYPES[m.responseType] ?? CONTENT_TYPES.json;
  const unconditional = m.responses.filter((r) => r.conditions.length === 0 && !r.requiredScenarioState);
  const drawn = unconditional.filter((r) => r.weight > 0);
  const hasConditions = m.responses.some((r) => r.conditions.length > 0);
  let responseMode: Route['responseMode'] = null;
  if (m.responseMode === 'sequential') {
    responseMode = 'SEQUENTIAL' as Route['responseMode'];
    if (hasConditions)
      warnings.push(`${where}: sequential mode: Mockoon cycles through every response, ignoring their rules`);
  } else if (m.responseMode === 'disable_rules') responseMode = 'DISABLE_RULES' as Route['responseMode'];
  else if (m.responseMode === 'fallback') responseMode = 'FALLBACK' as Route['responseMode'];
  else if (!hasConditions && drawn.length > 1) {
    responseMode = 'RANDOM' as Route['responseMode'];
    if (new Set(drawn.map((r) => r.weight)).size > 1 || drawn.length < m.responses.length) {
      warnings.push(
        `${where}: random mode: Mockoon draws every response with the same chance (weights are not exported)`,
      );
    }
  } else if (drawn.length > 1) {
    warnings.push(
      `${where}: when no condition holds, MockDeck draws among ${drawn.length} responses; Mockoon answers its default one`,
    );
  }
  if (m.responseSelection !== 'first' && m.responses.filter((r) => r.conditions.length > 0).length > 1) {
    warnings.push(
      `${where}: when several responses' conditions hold, Mockoon answers the first (MockDeck draws by weight)`,
    );
  }
  // Mockoon's default answers when no rule holds: MockDeck's default if it has no conditions,
  // else the unconditional response most likely to be drawn, else MockDeck's default.
  const byWeight = [...drawn].sort((a, b) => b.weight - a.weight)[0];
  const preferred =
    m.responses.find((r) => r.isDefault && unconditional.includes(r)) ??
    byWeight ??
    m.responses.find((r) => r.isDefault) ??
    m.responses[0];
  const responses: RouteResponse[] = m.responses.map((r, j) => {
    const rWhere = `${where} response ${j + 1} (${r.name})`;
    if (r.scenarioName)
      warnings.push(`${rWhere}: its scenario "${r.scenarioName}" is not exported (Mockoon has no scenarios)`);
    const rules: ResponseRule[] = [];
    for (const c of r.conditions) {
      const result = ruleOf(c);
      if ('rule' in result) rules.push(result.rule);
      else warnings.push(`${rWhere}: ${result.problem}; the condition is not exported`);
    }
    // Mockoon lists headers as pairs: a repeated header (two Set-Cookie) is one pair per line.
    const headers = headerPairs(r.headers).map(({ name, value }) => ({ key: name, value }));
    if (!headers.some((h) => h.key.toLowerCase() === 'content-type')) {
      headers.unshift({ key: 'Content-Type', value: defaultContentType });
    }
    return {
      uuid: `${uuid.slice(0, -4)}${(0x1000 + j).toString(16).slice(-4)}`,
      rules,
      rulesOperator: r.conditionLogic === 'or' ? 'OR' : 'AND',
      statusCode: r.statusCode,
      label: r.name,
      headers,
      body: r.body,
      latency: m.responseDelay,
      bodyType: 'INLINE',
      filePath: '',
      databucketID: '',
      sendFileAsBody: false,
      disableTemplating: r.disableTemplating,
      fallbackTo404: false,
      // Mockoon's default is the flagged response, else the first: the first needs no flag.
      default: r === preferred && (r.isDefault || j > 0),
      crudKey: 'id',
      callbacks: [],
    } as RouteResponse;
  });
  return {
    uuid,
    type: 'http',
    documentation: m.description ? `${m.name}\n${m.description}` : m.name,
    method,
    endpoint: endpointOf(m.path),
    responses,
    responseMode,
    streamingMode: null,
    streamingInterval: 0,
  } as Route;
}

function crudRouteOf(
  m: MockDraft,
  uuid: string,
  data: DataBucket[],
  where: string,
  warnings: string[],
): Route | undefined {
  const bucket = data.find((b) => b.name === m.bucket);
  if (!bucket) {
    warnings.push(`${where}: a CRUD mock without a data bucket is not exported`);
    return undefined;
  }
  return {
    uuid,
    type: 'crud',
    documentation: m.description ? `${m.name}\n${m.description}` : m.name,
    method: '',
    endpoint: endpointOf(m.path),
    responses: [
      {
        uuid: `${uuid.slice(0, -4)}1000`,
        rules: [],
        rulesOperator: 'OR',
        statusCode: 200,
        label: '',
        headers: [],
        body: '{}',
        latency: m.responseDelay,
        bodyType: 'DATABUCKET',
        filePath: '',
        databucketID: bucket.id,
        sendFileAsBody: false,
        disableTemplating: false,
        fallbackTo404: false,
        default: true,
        crudKey: m.crudKey,
        callbacks: [],
      } as unknown as RouteResponse,
    ],
    responseMode: null,
    streamingMode: null,
    streamingInterval: 0,
  } as Route;
}

/** A version-4-shaped UUID from a hash: the same project exports the same ids. */
function uuidFrom(...parts: (string | number)[]): string {
  const h = createHash('sha1').update(parts.join('/')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
