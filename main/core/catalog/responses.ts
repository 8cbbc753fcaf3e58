import { z } from 'zod';
import { responseCreateSchema, responseUpdateSchema, type Condition, type MockResponse } from '../../../shared/models';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { AppError, notFound, parseInput } from '../util/errors';
import { jsonSchemaCompileProblem } from '../util/json-schema';
import { newId } from '../util/ids';
import type { CatalogEvents } from './events';
import { stripUndefined, type MockService } from './mocks';

/**
 * The shared schema checks a valid_json_schema condition's JSON; whether ajv can compile it
 * (an unknown $ref, a bad pattern) is only known here, so it is refused before it is saved.
 */
function checkJsonSchemas(conditions: readonly Condition[]): void {
  conditions.forEach((c, i) => {
    if (c.operator !== 'valid_json_schema') return;
    const problem = jsonSchemaCompileProblem(c.value);
    if (problem)
      throw new AppError('VALIDATION_ERROR', `conditions.${i}.value: ${problem}`, { field: `conditions.${i}.value` });
  });
}

/** States without a scenario would be ignored silently: say so instead. */
function checkScenario(r: MockResponse): void {
  if (r.scenarioName || (!r.requiredScenarioState && !r.newScenarioState)) return;
  throw new AppError(
    'VALIDATION_ERROR',
    'scenarioName is required when requiredScenarioState or newScenarioState is set: name the scenario, e.g. "checkout"',
    { field: 'scenarioName' },
  );
}

const reorderSchema = z.array(z.string()).min(1, "order needs the ids of the mock's responses");

export class ResponseService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: CatalogEvents,
    private readonly mocks: MockService,
  ) {}

  list(mockId: string): MockResponse[] {
    this.mocks.require(mockId);
    return this.store.responses.listByMock(mockId);
  }

  require(mockId: string, id: string): MockResponse {
    const r = this.store.responses.get(id);
    if (!r || r.mockId !== mockId) throw notFound('Response', id);
    return r;
  }

  create(mockId: string, input: unknown): MockResponse {
    const data = parseInput(responseCreateSchema, input);
    checkJsonSchemas(data.conditions);
    const response = this.store.tx(() => {
      const mock = this.mocks.require(mockId);
      const now = this.clock.now().toISOString();
      const r: MockResponse = {
        id: newId(),
        mockId,
        ...data,
        sortOrder: this.store.responses.nextSortOrder(mockId),
        createdAt: now,
        updatedAt: now,
      };
      checkScenario(r);
      this.store.responses.insert(r);
      if (r.isDefault) this.store.responses.clearDefault(mockId, r.id);
      this.store.projects.touch(mock.projectId, now);
      this.events.record({
        type: 'response.created',
        payload: { projectId: mock.projectId, mockId, responseId: r.id },
      });
      return r;
    });
    return response;
  }

  update(mockId: string, id: string, input: unknown): MockResponse {
    const data = parseInput(responseUpdateSchema, input);
    if (data.conditions) checkJsonSchemas(data.conditions);
    const response = this.store.tx(() => {
      const mock = this.mocks.require(mockId);
      const r = this.require(mockId, id);
      const now = this.clock.now().toISOString();
      const next: MockResponse = { ...r, ...stripUndefined(data), updatedAt: now };
      checkScenario(next);
      this.store.responses.update(next);
      if (data.isDefault === true) this.store.responses.clearDefault(mockId, id);
      this.store.projects.touch(mock.projectId, now);
      this.events.record({ type: 'response.updated', payload: { projectId: mock.projectId, mockId, responseId: id } });
      return next;
    });
    return response;
  }

  delete(mockId: string, id: string): void {
    this.store.tx(() => {
      const mock = this.mocks.require(mockId);
      this.require(mockId, id);
      this.store.responses.delete(id);
      this.store.projects.touch(mock.projectId, this.clock.now().toISOString());
      this.events.record({ type: 'response.deleted', payload: { projectId: mock.projectId, mockId, responseId: id } });
    });
  }

  /** Sets the order responses are listed, tried in sequential mode, and fall back in. */
  reorder(mockId: string, orderInput: unknown): MockResponse[] {
    const order = parseInput(reorderSchema, orderInput, 'order');
    this.store.tx(() => {
      const mock = this.mocks.require(mockId);
      const current = this.store.responses.listByMock(mockId);
      const ids = new Set(current.map((r) => r.id));
      if (order.length !== ids.size || !order.every((id) => ids.has(id)) || new Set(order).size !== order.length) {
        throw new AppError('VALIDATION_ERROR', 'order must list each response of the mock exactly once', {
          field: 'order',
        });
      }
      order.forEach((id, i) => this.store.responses.setSortOrder(id, i));
      this.store.projects.touch(mock.projectId, this.clock.now().toISOString());
      this.events.record({ type: 'response.reordered', payload: { projectId: mock.projectId, mockId } });
    });
    return this.store.responses.listByMock(mockId);
  }
}
