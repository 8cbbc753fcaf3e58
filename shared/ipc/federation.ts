import { z } from 'zod';
import type { Federation, FederationRoute } from '../models';
import {
  federationCreateSchema,
  federationListQuerySchema,
  federationUpdateSchema,
  routeRequestSchema,
} from '../models';
import { call, reads, writes } from './call-meta';

/**
 * The federation block of the IPC contract (spread into `calls` in contract.ts): MockDeck
 * projects composed under one base URL (docs/federation.md). The REST routes of
 * mockops-api.md §Federation, the UI and `mockdeck federation` call these.
 */

const id = z.string().min(1, 'id is required');

export const federationCalls = {
  'federation.list': call(
    federationListQuerySchema.optional(),
    reads(
      'Lists the federations (projects composed under /f/<name>/), optionally of one org_id, paged by limit and offset.',
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<Federation[]>(),
  'federation.get': call(
    z.object({ id }),
    reads('Shows one federation with its services, base paths, reality levels and dependencies.', 'rest', 'cli', 'mcp'),
  ).returns<Federation>(),
  'federation.create': call(
    federationCreateSchema,
    writes(
      'Creates a federation: projects served under /f/<name>/ at their base paths, each at a reality level (real, mock_v3, blended, chaos_driven).',
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<Federation>(),
  'federation.update': call(
    z.object({ id, patch: federationUpdateSchema }),
    writes("Changes a federation's name, description, org_id or services (the whole list).", 'rest', 'cli', 'mcp'),
  ).returns<Federation>(),
  'federation.delete': call(
    z.object({ id }),
    writes('Deletes a federation (its projects stay).', 'rest', 'cli', 'mcp'),
  ).returns<{
    deleted: true;
  }>(),
  'federation.route': call(
    z.object({ id, request: routeRequestSchema }),
    reads(
      'Tells which service of a federation a path goes to, at which reality level, and the path that service sees.',
      'rest',
      'cli',
      'mcp',
    ),
  ).returns<FederationRoute>(),
} as const;
