import type { QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { subscribe } from './api';
import { invalidate } from './query';

const REFRESH_MS = 1000;

/**
 * Refetches `key` at most once a second while requests for `projectId` keep arriving, so
 * counters (hits, stats) stay live without a query per request.
 */
export function useLiveRefresh(projectId: string, key: QueryKey): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Arrays are new each render: the effect follows the key's value, not its identity.
  const hash = JSON.stringify(key);
  useEffect(() => {
    const off = subscribe('requestLogs.appended', (rows) => {
      if (timer.current || !rows.some((r) => r.projectId === projectId)) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        invalidate(JSON.parse(hash) as QueryKey);
      }, REFRESH_MS);
    });
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [projectId, hash]);
}
