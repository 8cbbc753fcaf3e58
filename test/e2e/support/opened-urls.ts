import { existsSync, readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { openedUrlsFile } from '../../harness/web-app';
import type { HarnessInfo } from './harness';

/** Every URL the app handed to the system browser so far (the web harness records them). */
export function openedUrls(harness: HarnessInfo): string[] {
  const file = openedUrlsFile(harness.dataDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string);
}

/** Waits until the app opens a URL matching `pattern` that was not opened before `since`. */
export async function nextOpenedUrl(harness: HarnessInfo, pattern: RegExp, since: number): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      () =>
        (found = openedUrls(harness)
          .slice(since)
          .find((u) => pattern.test(u))),
      { timeout: 15_000 },
    )
    .toBeTruthy();
  return found!;
}
