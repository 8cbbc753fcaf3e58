import type { z } from 'zod';
import type { MarketKind } from '../../../shared/models';
import { enc } from '../cloud/api';
import type { CloudHttp, RequestSpec } from '../cloud/http';
import { explainMarketError } from './errors';
import {
  pluginPublishedSchema,
  pluginSchema,
  pluginSearchSchema,
  pluginVersionSchema,
  publishedSchema,
  reviewPageSchema,
  reviewSubmittedSchema,
  scenarioSchema,
  scenarioSearchSchema,
  scenarioVersionSchema,
  templateSchema,
  templateSearchSchema,
} from './schemas';

export interface PageQuery {
  query?: string;
  category?: string;
  tags?: string[];
  page?: number;
  perPage?: number;
}

export interface ReviewInput {
  rating: number;
  title?: string;
  comment: string;
}

export interface PluginPublishBody {
  name: string;
  version: string;
  description: string;
  category: string;
  license: string;
  repository?: string;
  homepage?: string;
  tags?: string[];
  checksum: string;
  file_size: number;
  wasm_data: string;
  dependencies?: Record<string, string>;
}

export interface TemplatePublishBody {
  name: string;
  slug: string;
  description: string;
  version: string;
  category: string;
  content_json: Record<string, unknown>;
  package: string;
  checksum: string;
  file_size: number;
}

export interface ScenarioPublishBody {
  manifest: string;
  package: string;
  checksum: string;
  size: number;
}

/** Publish uploads can be large (base64 of up to 100 MB): give them longer than a JSON call. */
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * Every marketplace endpoint of docs/reference/mockforge-cloud-api.md §Marketplace, one typed
 * method each. Searches and details are public (no credential is sent); publish and reviews
 * need sign-in, and CloudHttp adds `X-Org-Id` from the organization switcher to those.
 * Plugins page with limit/offset, templates and scenarios with page/per_page, as documented.
 */
export class MarketplaceApi {
  constructor(private readonly http: CloudHttp) {}

  private async call<S extends z.ZodType>(
    kind: MarketKind,
    name: string,
    version: string | undefined,
    spec: RequestSpec<S>,
  ): Promise<z.output<S>> {
    try {
      return await this.http.request(spec);
    } catch (e) {
      throw explainMarketError(e, kind, name, version);
    }
  }

  searchPlugins(q: { query?: string; category?: string; limit?: number; offset?: number }) {
    return this.call('plugins', q.query ?? '', undefined, {
      method: 'POST',
      path: '/api/v1/plugins/search',
      body: { query: q.query, category: q.category, limit: q.limit ?? 20, offset: q.offset ?? 0 },
      schema: pluginSearchSchema,
      what: 'plugin search',
      auth: false,
      idempotent: true,
    });
  }

  plugin(name: string) {
    return this.call('plugins', name, undefined, {
      method: 'GET',
      path: `/api/v1/plugins/${enc(name)}`,
      schema: pluginSchema,
      what: 'plugin',
      auth: false,
    });
  }

  pluginVersion(name: string, version: string) {
    return this.call('plugins', name, version, {
      method: 'GET',
      path: `/api/v1/plugins/${enc(name)}/versions/${enc(version)}`,
      schema: pluginVersionSchema,
      what: 'plugin version',
      auth: false,
    });
  }

  publishPlugin(body: PluginPublishBody) {
    return this.call('plugins', body.name, body.version, {
      method: 'POST',
      path: '/api/v1/plugins/publish',
      body,
      schema: pluginPublishedSchema,
      what: 'plugin',
      timeoutMs: UPLOAD_TIMEOUT_MS,
    });
  }

  searchTemplates(q: PageQuery) {
    return this.call('templates', q.query ?? '', undefined, {
      method: 'POST',
      path: '/api/v1/templates/search',
      body: pageBody(q),
      schema: templateSearchSchema,
      what: 'template search',
      auth: false,
      idempotent: true,
    });
  }

  template(name: string, version: string) {
    return this.call('templates', name, version, {
      method: 'GET',
      path: `/api/v1/templates/${enc(name)}/${enc(version)}`,
      schema: templateSchema,
      what: 'template',
      auth: false,
    });
  }

  publishTemplate(body: TemplatePublishBody) {
    return this.call('templates', body.name, body.version, {
      method: 'POST',
      path: '/api/v1/templates/publish',
      body,
      schema: publishedSchema,
      what: 'template',
      timeoutMs: UPLOAD_TIMEOUT_MS,
    });
  }

  templateReviews(name: string, version: string, page = 0, perPage = 20) {
    return this.call('templates', name, version, {
      method: 'GET',
      path: `/api/v1/templates/${enc(name)}/${enc(version)}/reviews`,
      query: { page, per_page: perPage },
      schema: reviewPageSchema,
      what: 'template reviews',
      auth: false,
    });
  }

  submitTemplateReview(name: string, version: string, review: ReviewInput) {
    return this.call('templates', name, version, {
      method: 'POST',
      path: `/api/v1/templates/${enc(name)}/${enc(version)}/reviews`,
      body: review,
      schema: reviewSubmittedSchema,
      what: 'template review',
    });
  }

  searchScenarios(q: PageQuery) {
    return this.call('scenarios', q.query ?? '', undefined, {
      method: 'POST',
      path: '/api/v1/scenarios/search',
      body: pageBody(q),
      schema: scenarioSearchSchema,
      what: 'scenario search',
      auth: false,
      idempotent: true,
    });
  }

  scenario(name: string) {
    return this.call('scenarios', name, undefined, {
      method: 'GET',
      path: `/api/v1/scenarios/${enc(name)}`,
      schema: scenarioSchema,
      what: 'scenario',
      auth: false,
    });
  }

  scenarioVersion(name: string, version: string) {
    return this.call('scenarios', name, version, {
      method: 'GET',
      path: `/api/v1/scenarios/${enc(name)}/versions/${enc(version)}`,
      schema: scenarioVersionSchema,
      what: 'scenario version',
      auth: false,
    });
  }

  publishScenario(name: string, version: string, body: ScenarioPublishBody) {
    return this.call('scenarios', name, version, {
      method: 'POST',
      path: '/api/v1/scenarios/publish',
      body,
      schema: publishedSchema,
      what: 'scenario',
      timeoutMs: UPLOAD_TIMEOUT_MS,
    });
  }

  scenarioReviews(name: string, page = 0, perPage = 20) {
    return this.call('scenarios', name, undefined, {
      method: 'GET',
      path: `/api/v1/scenarios/${enc(name)}/reviews`,
      query: { page, per_page: perPage },
      schema: reviewPageSchema,
      what: 'scenario reviews',
      auth: false,
    });
  }

  submitScenarioReview(name: string, review: ReviewInput) {
    return this.call('scenarios', name, undefined, {
      method: 'POST',
      path: `/api/v1/scenarios/${enc(name)}/reviews`,
      body: review,
      schema: reviewSubmittedSchema,
      what: 'scenario review',
    });
  }
}

function pageBody(q: PageQuery) {
  return {
    query: q.query,
    category: q.category,
    tags: q.tags && q.tags.length > 0 ? q.tags : undefined,
    page: q.page ?? 0,
    per_page: q.perPage ?? 20,
  };
}
