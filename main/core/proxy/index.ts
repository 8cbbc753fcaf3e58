/**
 * The per-project proxy (docs/proxy.md): passthrough of unmatched requests to the project's
 * upstream server, and record mode, which turns what the upstream answers into mocks.
 * Core builds one ProxyService and places its stage right before the pipeline's fallback.
 */
import { randomBytes } from 'node:crypto';
import type { Catalog } from '../catalog/catalog';
import { insertStage, type Pipeline } from '../engine';
import type { Store } from '../store/store';
import type { Logger } from '../util/logger';
import { proxyStage } from './proxy-stage';
import { Recorder } from './recorder';
import { Upstreams } from './upstreams';

export class ProxyService {
  readonly recorder: Recorder;
  private readonly upstreams = new Upstreams();
  /** Marks requests this process proxied (`Via: 1.1 mockdeck-<id>`), to refuse a loop. */
  private readonly via = `1.1 mockdeck-${randomBytes(6).toString('hex')}`;

  constructor(catalog: Catalog, store: Store, logger: Logger) {
    this.recorder = new Recorder(catalog, store, logger);
  }

  /** `pipeline` with the proxy before its fallback; as it is when it has no fallback or already a proxy. */
  withProxy(pipeline: Pipeline): Pipeline {
    const names = pipeline.stages.map((s) => s.name);
    if (names.includes('proxy') || !names.includes('fallback')) return pipeline;
    const stage = proxyStage({ upstreams: this.upstreams, recorder: this.recorder, via: this.via });
    return insertStage(pipeline, stage, { before: 'fallback' });
  }

  close(): Promise<void> {
    return this.upstreams.close();
  }
}

export { generalizePath } from './generalize';
export { MAX_RECORDED_BODY, type RecordedMock, type SkippedRecording } from './recorder';
