import type { DataBucket } from '../../../shared/models';
import type { EngineRequest, ProjectRuntime } from '../engine';
import { renderTemplatePreview } from '../engine/templating';
import type { Store } from '../store/store';

/**
 * What a templated bucket renders against when its project starts serving it: no request
 * yet, so request helpers ({{queryParam}}, {{body}}…) see an empty GET /. Faker, dates,
 * repeat and other buckets ({{dataRaw 'other'}}) work as in a response.
 */
const START_REQUEST: EngineRequest = Object.freeze({
  method: 'GET',
  path: '/',
  headers: {},
  query: {},
  rawBody: Buffer.alloc(0),
  basePath: '',
});

/** Renders a templated bucket's content with the template engine (its helpers, limits and the project's faker seed). */
export const renderBucketTemplate =
  (store: Store) =>
  (content: string, bucket: DataBucket, runtime: ProjectRuntime): string => {
    const project = store.projects.get(bucket.projectId);
    if (!project) return content;
    return renderTemplatePreview({ body: content, headers: {}, request: START_REQUEST, params: {}, project, runtime })
      .body;
  };
