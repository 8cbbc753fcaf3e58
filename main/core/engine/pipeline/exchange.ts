import type { ConditionFailure, Project } from '../../../../shared/models';
import { ERROR_HEADERS } from '../cors';
import type {
  Body,
  CompiledMock,
  CompiledResponse,
  EngineErrorCode,
  EngineRequest,
  Exchange,
  ParsedBody,
  RouteMatch,
} from '../types';

const NO_FAILURES: ConditionFailure[] = [];
const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * The one object a request makes in the engine: what conditions read (a RequestView), what
 * the stages fill, and the EngineResult the transport writes. A class, so every request's
 * object has the same shape from the start and the stages' property accesses stay fast.
 * `status` 0 means no stage has answered yet.
 */
export class ResponseExchange implements Exchange {
  readonly params: Record<string, string>;
  readonly mock: CompiledMock | null;
  parsed: ParsedBody | undefined = undefined;
  text: string | undefined = undefined;
  response: CompiledResponse | null = null;
  status = 0;
  headers: Readonly<Record<string, string>> = ERROR_HEADERS;
  body: Body = '';
  delayMs = 0;
  mockId: string | null;
  responseId: string | null = null;
  errorCode: EngineErrorCode | null = null;
  conditionFailures: ConditionFailure[] = NO_FAILURES;
  pending: Promise<void> | null = null;

  constructor(
    readonly req: EngineRequest,
    readonly project: Project,
    readonly method: string,
    readonly random: () => number,
    match: RouteMatch | null,
  ) {
    this.mock = match?.mock ?? null;
    this.params = match?.params ?? NO_PARAMS;
    this.mockId = match?.mock.mock.id ?? null;
  }
}
