import type { ProjectStats } from '../../../../shared/models';

/** GET /projects/:id/stats body (docs/reference/mockbird-api.md §3): camelCase outside, snake_case per mock. */
export interface WireProjectStats {
  projectId: string;
  totalRequests: number;
  lastRequestAt: string | null;
  mocks: {
    mock_id: string;
    name: string;
    path: string;
    method: string;
    total_requests: number;
    last_request_at: string | null;
    avg_response_time_ms: number | null;
  }[];
}

export function toWireProjectStats(s: ProjectStats): WireProjectStats {
  return {
    projectId: s.projectId,
    totalRequests: s.totalRequests,
    lastRequestAt: s.lastRequestAt,
    mocks: s.mocks.map((m) => ({
      mock_id: m.mockId,
      name: m.name,
      path: m.path,
      method: m.method,
      total_requests: m.totalRequests,
      last_request_at: m.lastRequestAt,
      avg_response_time_ms: m.avgResponseTimeMs,
    })),
  };
}
