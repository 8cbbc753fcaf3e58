import type { Locator, Page } from '@playwright/test';
import { shot } from './ui';

const SIZES = [
  { width: 1000, height: 650 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;

/**
 * One screen at the smallest supported window and a large one, light and dark:
 * `<name>-1000x650-light.png` and so on. `focus` is scrolled into view first (a card below the
 * fold at 1000×650). The viewport and theme are put back afterwards.
 */
export async function shotsAtSizes(page: Page, name: string, focus?: Locator): Promise<void> {
  const before = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const colorScheme of THEMES) {
      await page.emulateMedia({ colorScheme });
      if (focus) await focus.scrollIntoViewIfNeeded();
      await shot(page, `${name}-${size.width}x${size.height}-${colorScheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}
