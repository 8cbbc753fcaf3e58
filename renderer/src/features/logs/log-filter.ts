import type { RequestLogFilter, RequestLogSummary } from '../../../../shared/ipc/contract';
import { statusClassOf } from '../../ui/status-class';

/**
 * The server's filter semantics (request-log-search.ts), applied to live rows so the tail
 * shows exactly what a fresh query would: exact method, status class, case-insensitive
 * path substring, mock id.
 */
export function matchesFilter(row: RequestLogSummary, f: RequestLogFilter): boolean {
  if (row.projectId !== f.projectId) return false;
  if (f.mockId && row.mockId !== f.mockId) return false;
  if (f.method && row.requestMethod.toUpperCase() !== f.method.trim().toUpperCase()) return false;
  if (f.statusClass && statusClassOf(row.responseStatus) !== f.statusClass) return false;
  if (f.pathText && !row.requestPath.toLowerCase().includes(f.pathText.toLowerCase())) return false;
  return true;
}
