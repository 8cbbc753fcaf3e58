import type { RequestLogFilter } from '../../../shared/ipc/contract';

export type StatusClass = NonNullable<RequestLogFilter['statusClass']>;
export const STATUS_CLASSES: StatusClass[] = ['1xx', '2xx', '3xx', '4xx', '5xx'];

export function statusClassOf(status: number): StatusClass | null {
  const c = Math.floor(status / 100);
  return c >= 1 && c <= 5 ? (`${c}xx` as StatusClass) : null;
}

/** Colour family for a status: success, redirect, client error, server error. */
export function statusTone(status: number): 'ok' | 'info' | 'warn' | 'error' {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  if (status >= 300 || status < 200) return 'info';
  return 'ok';
}
