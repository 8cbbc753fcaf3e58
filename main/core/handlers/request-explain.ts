import type { Condition, Mock, RequestLog } from '../../../shared/models';
import type { RequestExplanation } from '../../../shared/ipc/explain';
import type { HandlerCore } from './context';
import { notFound } from '../util/errors';
import type { Router } from './router';

export function registerExplainHandlers(router: Router): void {
  router.handle('requestLogs.explain', async ({ id }, { core }) => {
    let log = core.store.logs.get(id);
    if (!log) {
      await core.server.settleLogs();
      log = core.store.logs.get(id);
    }
    if (!log) throw notFound('Request log', id);
    return explain(core, log);
  });
}

/** Near misses listed for an unmatched request: enough to act on, bounded for big projects. */
const MAX_NEAR_MISSES = 10;

export function explain(core: HandlerCore, log: RequestLog): RequestExplanation {
  const request = `${log.requestMethod} ${log.requestPath}`;
  const mock = log.mockId ? core.store.mocks.get(log.mockId) : null;
  const response = log.responseId ? core.store.responses.get(log.responseId) : null;
  const notChosen = log.conditionFailures.map((f) => ({
    response: f.responseName,
    condition: describeCondition(f.condition),
    actual: f.actual,
  }));
  const base = {
    id: log.id,
    request,
    status: log.responseStatus,
    mock: mock ? { id: mock.id, name: mock.name, method: mock.method, path: mock.path } : null,
    response: response ? { id: response.id, name: response.name, statusCode: response.statusCode } : null,
    notChosen,
  };
  if (log.proxied) {
    return {
      ...base,
      outcome: 'proxied',
      nearMisses: [],
      summary: `No mock answered ${request}; the project's proxy sent it to ${log.proxied.upstream}, which answered ${log.proxied.upstreamStatus ?? 'nothing (MockDeck answered ' + log.responseStatus + ')'}.`,
    };
  }
  if (mock) {
    const lost = notChosen.length
      ? ` ${notChosen.length} response(s) lost: ${notChosen.map((n) => `"${n.response}" because ${n.condition} did not hold (saw ${n.actual === null ? 'nothing' : JSON.stringify(n.actual)})`).join('; ')}.`
      : '';
    const chose = response ? `response "${response.name}" (${response.statusCode})` : `status ${log.responseStatus}`;
    return {
      ...base,
      outcome: log.errorCode ? 'error' : 'mock',
      nearMisses: [],
      summary: `Mock "${mock.name}" (${mock.method} ${mock.path}) matched and answered with ${chose}.${lost}${log.errorCode ? ` It failed with ${log.errorCode}.` : ''}`,
    };
  }
  const nearMisses = nearMissesOf(core.store.mocks.listByProject(log.projectId), log);
  return {
    ...base,
    outcome: log.errorCode && log.errorCode !== 'MOCK_NOT_FOUND' ? 'error' : 'no-mock',
    nearMisses,
    summary: nearMisses.length
      ? `No mock matched ${request}. Closest: ${nearMisses
          .slice(0, 3)
          .map((n) => `${n.mock} (${n.why})`)
          .join('; ')}.`
      : `No mock matched ${request}, and no mock of the project has this path. Create one for it (or turn on the project's proxy).`,
  };
}

function nearMissesOf(mocks: readonly Mock[], log: RequestLog): { mock: string; why: string }[] {
  const out: { mock: string; why: string }[] = [];
  const path = log.requestPath.split('?')[0] ?? '';
  for (const m of mocks) {
    if (out.length >= MAX_NEAR_MISSES) break;
    const samePath = pathMatches(m.path, path);
    const sameMethod = m.method === log.requestMethod;
    const label = `${m.method} ${m.path}`;
    if (samePath && sameMethod && !m.isActive) out.push({ mock: label, why: 'it is inactive: activate it' });
    else if (samePath && !sameMethod)
      out.push({ mock: label, why: `the method differs (${log.requestMethod} was sent)` });
  }
  return out;
}

/** A mock path with `{id}` or `:id` parameters against a concrete path. */
function pathMatches(pattern: string, path: string): boolean {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  if (a.length !== b.length) return false;
  return a.every((seg, i) => seg === b[i] || /^\{[^}]+\}$/.test(seg) || /^:\w+$/.test(seg) || seg === '*');
}

function describeCondition(c: Condition): string {
  const target = c.field ? `${c.type} "${c.field}"` : c.type;
  return `${c.invert ? 'NOT ' : ''}${target} ${c.operator.replace(/_/g, ' ')} ${JSON.stringify(c.value)}`;
}
