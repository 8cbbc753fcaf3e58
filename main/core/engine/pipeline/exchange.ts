import type {
  AlsoMatched,
  ChaosApplied,
  ConditionFailure,
  FaultKind,
  HeaderMap,
  Project,
} from '../../../../shared/models';
import { ERROR_HEADERS } from '../cors';
import type { ProjectRuntime } from '../runtime';
import type {
  Body,
  ChaosSwitch,
  CompiledMock,
  CompiledResponse,
  EngineErrorCode,
  EngineRequest,
  Exchange,
  ParsedBody,
  ProxiedAnswer,
  RouteMatch,
} from '../types';

const NO_FAILURES: ConditionFailure[] = [];
const NO_LOST: AlsoMatched[] = [];
const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * The one object a request makes in the engine: what conditions read (a RequestView), what
 * the stages fill, and the EngineResult the transport writes. Every field is assigned in the
 * constructor, always in the same order, so every request's object has one shape from the
 * start and the stages' property accesses stay monomorphic. `status` 0 means no stage has
 * answered yet.
 */
export class ResponseExchange implements Exchange {
  declare readonly req: EngineRequest;
  declare readonly project: Project;
  declare readonly method: string;
  declare readonly random: () => number;
  declare readonly runtime: ProjectRuntime;
  declare readonly chaosSwitch: ChaosSwitch;
  declare readonly params: Record<string, string>;
  declare readonly mock: CompiledMock | null;
  declare parsed: ParsedBody | undefined;
  declare text: string | undefined;
  declare response: CompiledResponse | null;
  declare status: number;
  declare headers: Readonly<HeaderMap>;
  declare body: Body;
  declare delayMs: number;
  declare mockId: string | null;
  declare responseId: string | null;
  declare errorCode: EngineErrorCode | null;
  declare conditionFailures: ConditionFailure[];
  declare alsoMatched: AlsoMatched[];
  declare fault: FaultKind | null;
  declare chaos: ChaosApplied | null;
  declare pending: Promise<void> | null;
  declare proxied: ProxiedAnswer | null;

  constructor(
    req: EngineRequest,
    project: Project,
    method: string,
    random: () => number,
    runtime: ProjectRuntime,
    chaosSwitch: ChaosSwitch,
    match: RouteMatch | null,
  ) {
    this.req = req;
    this.project = project;
    this.method = method;
    this.random = random;
    this.runtime = runtime;
    this.chaosSwitch = chaosSwitch;
    if (match === null) {
      this.params = NO_PARAMS;
      this.mock = null;
      this.mockId = null;
    } else {
      this.params = match.params;
      this.mock = match.mock;
      this.mockId = match.mock.mock.id;
    }
    this.parsed = undefined;
    this.text = undefined;
    this.response = null;
    this.status = 0;
    this.headers = ERROR_HEADERS;
    this.body = '';
    this.delayMs = 0;
    this.responseId = null;
    this.errorCode = null;
    this.conditionFailures = NO_FAILURES;
    this.alsoMatched = NO_LOST;
    this.fault = null;
    this.chaos = null;
    this.pending = null;
    this.proxied = null;
  }
}

type Rerouted = { -readonly [K in 'mock' | 'params']: Exchange[K] };

/**
 * Hands the exchange to another mock of its route (fallback mode), or to none (then the
 * unmatched steps answer): what the route table would have matched, had the first mock not
 * been there.
 */
export function reroute(x: Exchange, match: RouteMatch | null): void {
  const w = x as Omit<Exchange, 'mock' | 'params'> & Rerouted;
  w.mock = match?.mock ?? null;
  w.params = match?.params ?? NO_PARAMS;
  w.mockId = match?.mock.mock.id ?? null;
  w.response = null;
}
