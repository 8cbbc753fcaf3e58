import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { nowIso } from '../context';
import { CloudError, parseBody, resourceLimit } from '../http/errors';
import { currentOrg, requireAuth } from '../http/principal';
import { getUser } from './users';
import { averageRating, latest, sha256, type Kind, type StoredItem, type StoredVersion } from './state';

const SIZE_LIMIT: Record<Kind, number> = {
  plugins: 10 * 1024 * 1024,
  templates: 50 * 1024 * 1024,
  scenarios: 100 * 1024 * 1024,
};
/** Items one organization may publish per kind, by plan (free is small so tests can hit it). */
const PUBLISH_LIMIT: Record<string, number> = { free: 1, pro: 50, team: 500 };
const NOT_FOUND_CODE: Record<Kind, string> = {
  plugins: 'PLUGIN_NOT_FOUND',
  templates: 'TEMPLATE_NOT_FOUND',
  scenarios: 'SCENARIO_NOT_FOUND',
};
const SINGULAR: Record<Kind, string> = { plugins: 'plugin', templates: 'template', scenarios: 'scenario' };
const PLUGIN_CATEGORIES = [
  'auth',
  'template',
  'response',
  'datasource',
  'middleware',
  'testing',
  'observability',
  'other',
] as const;

const safeName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._-]+$/, 'may hold letters, digits, hyphens, underscores and dots only')
  .refine((s) => !s.includes('..'), 'must not contain ".." (path traversal)');
const semver = z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.0.0');
const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 checksum (64 hex characters)');
const base64 = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/=\s]+$/, 'must be base64');

const pageFields = {
  query: z.string().max(200).optional(),
  category: z.string().max(100).optional(),
  tags: z.array(z.string().max(50)).max(20).optional(),
  page: z.number().int().min(0).default(0),
  per_page: z.number().int().min(1).max(100).default(20),
};
const pageQuery = z.object({
  page: z.coerce.number().int().min(0).default(0),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});
const reviewSchema = z.object({
  rating: z
    .number()
    .int('rating must be a whole number')
    .min(1, 'rating must be from 1 to 5')
    .max(5, 'rating must be from 1 to 5'),
  title: z.string().max(200).optional(),
  comment: z.string().trim().min(10, 'comment must be at least 10 characters').max(5000),
});

function notFound(kind: Kind, name: string): CloudError {
  return new CloudError(404, NOT_FOUND_CODE[kind], `${SINGULAR[kind]} not found`, {
    resource: SINGULAR[kind],
    name,
    hint: `Check that the ${SINGULAR[kind]} name is correct`,
  });
}
function versionNotFound(kind: Kind, name: string, version: string): CloudError {
  return new CloudError(404, 'VERSION_NOT_FOUND', 'Version not found', { resource: SINGULAR[kind], name, version });
}

const EXT: Record<Kind, (v: StoredVersion) => string> = {
  plugins: () => 'wasm',
  templates: (v) => (v.data[0] === 0x50 ? 'zip' : 'tar.gz'),
  scenarios: (v) => (v.data[0] === 0x50 ? 'zip' : 'tar.gz'),
};

export function registerMarketplaceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const m = ctx.market;
  const url = (i: StoredItem, v: StoredVersion) =>
    `${ctx.baseUrl}/storage/${i.kind}/${i.name}/${v.version}.${EXT[i.kind](v)}`;
  const item = (kind: Kind, name: string) => {
    const i = m.get(kind, name);
    if (!i) throw notFound(kind, name);
    return i;
  };
  const version = (i: StoredItem, v: string) => {
    const found = i.versions.find((x) => x.version === v);
    if (!found) throw versionNotFound(i.kind, i.name, v);
    return found;
  };
  const matches = (
    i: StoredItem,
    q: { query?: string | undefined; category?: string | undefined; tags?: string[] | undefined },
  ) =>
    (!q.query || `${i.name} ${i.description}`.toLowerCase().includes(q.query.toLowerCase())) &&
    (!q.category || i.category === q.category) &&
    (!q.tags || q.tags.every((t) => i.tags.includes(t)));
  const byPopularity = (a: StoredItem, b: StoredItem) => b.downloads - a.downloads || a.name.localeCompare(b.name);
  const reviewWire = (r: StoredItem['reviews'][number]) => ({ ...r, verified_purchase: true, verified_use: true });
  const page = <T>(all: T[], p: number, per: number) => all.slice(p * per, p * per + per);

  // Plugins page with limit/offset (mockforge-cloud-api.md "Search Plugins").
  app.post('/api/v1/plugins/search', async (req) => {
    const q = parseBody(
      z.object({
        query: z.string().max(200).optional(),
        category: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(100).default(20),
        offset: z.number().int().min(0).default(0),
      }),
      req.body,
    );
    const all = m
      .list('plugins')
      .filter((i) => matches(i, q))
      .sort(byPopularity);
    return {
      plugins: all.slice(q.offset, q.offset + q.limit).map((i) => ({
        name: i.name,
        version: latest(i)!.version,
        description: i.description,
        category: i.category,
        downloads: i.downloads,
        rating: averageRating(i),
      })),
      total: all.length,
    };
  });
  app.get<{ Params: { name: string } }>('/api/v1/plugins/:name', async (req) => {
    const i = item('plugins', req.params.name);
    return {
      name: i.name,
      description: i.description,
      category: i.category,
      author: i.author,
      latest_version: latest(i)!.version,
      downloads_total: i.downloads,
      rating_avg: averageRating(i),
      rating_count: i.reviews.length,
    };
  });
  app.get<{ Params: { name: string; version: string } }>('/api/v1/plugins/:name/versions/:version', async (req) => {
    const i = item('plugins', req.params.name);
    const v = version(i, req.params.version);
    return {
      name: i.name,
      version: v.version,
      download_url: url(i, v),
      checksum: `sha256:${v.checksum}`,
      published_at: v.published_at,
    };
  });
  app.post('/api/v1/plugins/publish', async (req, reply) => {
    const p = requireAuth(req);
    const org = currentOrg(ctx, req, p);
    const b = parseBody(
      z.object({
        name: safeName,
        version: semver,
        description: z.string().min(1, 'description is required').max(5000),
        category: z.enum(PLUGIN_CATEGORIES, { message: `category must be one of ${PLUGIN_CATEGORIES.join(', ')}` }),
        license: z.string().min(1, 'license is required').max(100),
        repository: z.string().url().optional(),
        homepage: z.string().url().optional(),
        tags: z.array(z.string().max(50)).max(20).optional(),
        checksum: hex64,
        file_size: z.number().int().min(0),
        wasm_data: base64,
        dependencies: z.record(z.string(), z.string()).optional(),
      }),
      req.body,
    );
    const data = verifyUpload('plugins', Buffer.from(b.wasm_data, 'base64'), b.checksum, b.file_size);
    if (!data.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d]))) {
      throw new CloudError(400, 'VALIDATION_FAILED', 'Invalid WASM file: missing \\0asm magic bytes', {
        field: 'wasm_data',
      });
    }
    publishVersion('plugins', b.name, b.version, org.id, org.plan, data, {
      description: b.description,
      category: b.category,
      license: b.license,
      tags: b.tags ?? [],
      author: getUser(ctx, p.userId),
    });
    return reply.code(201).send({
      success: true,
      upload_url: `${ctx.baseUrl}/storage/plugins/${b.name}/${b.version}.wasm`,
      message: `Plugin ${b.name} version ${b.version} published successfully`,
    });
  });

  // Templates and scenarios page with page/per_page.
  app.post('/api/v1/templates/search', async (req) => {
    const q = parseBody(z.object(pageFields), req.body);
    const all = m
      .list('templates')
      .filter((i) => matches(i, q))
      .sort(byPopularity);
    return {
      templates: page(all, q.page, q.per_page).map((i) => templateSummary(i)),
      total: all.length,
      page: q.page,
      per_page: q.per_page,
    };
  });
  const templateSummary = (i: StoredItem, v = latest(i)!) => ({
    name: i.name,
    slug: i.name,
    version: v.version,
    description: i.description,
    category: i.category,
    tags: i.tags,
    author: i.author,
    downloads: i.downloads,
    rating: averageRating(i),
    reviews_count: i.reviews.length,
    created_at: i.created_at,
  });
  app.get<{ Params: { name: string; version: string } }>('/api/v1/templates/:name/:version', async (req) => {
    const i = item('templates', req.params.name);
    const v = version(i, req.params.version);
    return {
      ...templateSummary(i, v),
      author_email: i.author_email,
      content: { name: i.name, version: v.version },
      download_url: url(i, v),
      checksum: v.checksum,
      size: v.size,
      updated_at: i.updated_at,
    };
  });
  app.post('/api/v1/templates/publish', async (req, reply) => {
    const p = requireAuth(req);
    const org = currentOrg(ctx, req, p);
    const b = parseBody(
      z.object({
        name: safeName,
        slug: safeName,
        description: z.string().min(1, 'description is required').max(5000),
        version: semver,
        category: z.string().min(1, 'category is required').max(100),
        content_json: z.record(z.string(), z.unknown()),
        package: base64,
        checksum: hex64,
        file_size: z.number().int().min(0),
      }),
      req.body,
    );
    const data = verifyUpload('templates', Buffer.from(b.package, 'base64'), b.checksum, b.file_size);
    const v = publishVersion('templates', b.slug, b.version, org.id, org.plan, data, {
      description: b.description,
      category: b.category,
      author: getUser(ctx, p.userId),
    });
    const i = m.get('templates', b.slug)!;
    return reply
      .code(201)
      .send({ name: i.name, version: v.version, download_url: url(i, v), published_at: v.published_at });
  });
  app.get<{ Params: { name: string; version: string } }>('/api/v1/templates/:name/:version/reviews', async (req) => {
    const i = item('templates', req.params.name);
    version(i, req.params.version);
    const q = parseBody(pageQuery, req.query);
    return {
      reviews: page(i.reviews, q.page, q.per_page).map(reviewWire),
      total: i.reviews.length,
      page: q.page,
      per_page: q.per_page,
    };
  });
  app.post<{ Params: { name: string; version: string } }>(
    '/api/v1/templates/:name/:version/reviews',
    async (req, reply) => {
      const p = requireAuth(req);
      const i = item('templates', req.params.name);
      version(i, req.params.version);
      return reply.code(201).send(submitReview(i, p.userId, req.body));
    },
  );

  app.post('/api/v1/scenarios/search', async (req) => {
    const q = parseBody(z.object(pageFields), req.body);
    const all = m
      .list('scenarios')
      .filter((i) => matches(i, q))
      .sort(byPopularity);
    return {
      scenarios: page(all, q.page, q.per_page).map((i) => ({
        name: i.name,
        version: latest(i, true)!.version,
        description: i.description,
        category: i.category,
        tags: i.tags,
        author: i.author,
        downloads: i.downloads,
        rating: averageRating(i),
        reviews_count: i.reviews.length,
        reviews: i.reviews.slice(0, 3).map(({ reviewer_email: _e, ...r }) => r),
        created_at: i.created_at,
      })),
      total: all.length,
      page: q.page,
      per_page: q.per_page,
    };
  });
  const scenarioVersion = (i: StoredItem, v: StoredVersion) => ({
    version: v.version,
    download_url: url(i, v),
    checksum: v.checksum,
    size: v.size,
    published_at: v.published_at,
    yanked: v.yanked,
  });
  app.get<{ Params: { name: string } }>('/api/v1/scenarios/:name', async (req) => {
    const i = item('scenarios', req.params.name);
    return {
      name: i.name,
      description: i.description,
      version: latest(i, true)!.version,
      versions: [...i.versions].map((v) => scenarioVersion(i, v)),
      author: i.author,
      author_email: i.author_email,
      tags: i.tags,
      category: i.category,
      downloads: i.downloads,
      rating: averageRating(i),
      reviews_count: i.reviews.length,
      reviews: i.reviews.slice(0, 5).map(reviewWire),
      repository: `https://github.com/${i.author}/${i.name}`,
      homepage: 'https://example.com',
      license: i.license,
      created_at: i.created_at,
      updated_at: i.updated_at,
    };
  });
  app.get<{ Params: { name: string; version: string } }>('/api/v1/scenarios/:name/versions/:version', async (req) => {
    const i = item('scenarios', req.params.name);
    return { ...scenarioVersion(i, version(i, req.params.version)), min_mockforge_version: '1.0.0' };
  });
  app.post('/api/v1/scenarios/publish', async (req, reply) => {
    const p = requireAuth(req);
    const org = currentOrg(ctx, req, p);
    const b = parseBody(
      z.object({ manifest: z.string().min(2), package: base64, checksum: hex64, size: z.number().int().min(0) }),
      req.body,
    );
    let parsed: unknown;
    try {
      parsed = JSON.parse(b.manifest);
    } catch {
      throw new CloudError(400, 'VALIDATION_FAILED', 'manifest must be valid JSON', { field: 'manifest' });
    }
    const man = parseBody(
      z.object({
        name: safeName,
        version: semver,
        description: z.string().max(5000).optional(),
        author: z.string().optional(),
        license: z.string().optional(),
      }),
      parsed,
    );
    const data = verifyUpload('scenarios', Buffer.from(b.package, 'base64'), b.checksum, b.size);
    const v = publishVersion('scenarios', man.name, man.version, org.id, org.plan, data, {
      description: man.description ?? man.name,
      license: man.license ?? 'MIT',
      author: man.author ?? getUser(ctx, p.userId),
    });
    const i = m.get('scenarios', man.name)!;
    return reply
      .code(201)
      .send({ name: i.name, version: v.version, download_url: url(i, v), published_at: v.published_at });
  });
  app.get<{ Params: { name: string } }>('/api/v1/scenarios/:name/reviews', async (req) => {
    const i = item('scenarios', req.params.name);
    const q = parseBody(pageQuery, req.query);
    return {
      reviews: page(i.reviews, q.page, q.per_page).map(reviewWire),
      total: i.reviews.length,
      page: q.page,
      per_page: q.per_page,
    };
  });
  app.post<{ Params: { name: string } }>('/api/v1/scenarios/:name/reviews', async (req, reply) => {
    const p = requireAuth(req);
    return reply.code(201).send(submitReview(item('scenarios', req.params.name), p.userId, req.body));
  });

  // Package storage (the download URLs): public, outside /api/v1 so neither rate limits nor faults apply.
  app.get<{ Params: { kind: string; name: string; file: string } }>(
    '/storage/:kind/:name/:file',
    async (req, reply) => {
      const kind = req.params.kind as Kind;
      if (!['plugins', 'templates', 'scenarios'].includes(kind)) throw notFound('plugins', req.params.name);
      const i = item(kind, req.params.name);
      const v = version(i, req.params.file.replace(/\.(wasm|tar\.gz|zip)$/, ''));
      i.downloads++;
      return reply.type('application/octet-stream').header('content-length', String(v.data.length)).send(v.data);
    },
  );

  function verifyUpload(kind: Kind, data: Buffer, checksum: string, declared: number): Buffer {
    if (data.length > SIZE_LIMIT[kind]) {
      throw new CloudError(
        400,
        'VALIDATION_FAILED',
        `File too large: ${data.length} bytes (limit ${SIZE_LIMIT[kind]})`,
        { field: 'file_size', limit: SIZE_LIMIT[kind] },
      );
    }
    if (declared !== data.length) {
      throw new CloudError(
        400,
        'VALIDATION_FAILED',
        `Declared size ${declared} does not match the upload (${data.length} bytes)`,
        { field: 'size' },
      );
    }
    if (sha256(data) !== checksum.toLowerCase()) {
      throw new CloudError(400, 'VALIDATION_FAILED', 'Checksum does not match the uploaded data', {
        field: 'checksum',
      });
    }
    if (kind !== 'plugins') {
      const gz = data[0] === 0x1f && data[1] === 0x8b;
      const zip = data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      if (!gz && !zip)
        throw new CloudError(400, 'VALIDATION_FAILED', 'Package must be a valid tar.gz or zip', { field: 'package' });
    }
    return data;
  }

  function publishVersion(
    kind: Kind,
    name: string,
    ver: string,
    orgId: string,
    plan: string,
    data: Buffer,
    meta: Partial<StoredItem>,
  ): StoredVersion {
    const existing = m.get(kind, name);
    if (existing?.versions.some((v) => v.version === ver)) {
      throw new CloudError(409, 'CONFLICT', `${SINGULAR[kind]} ${name} version ${ver} already exists`, {
        resource: SINGULAR[kind],
        name,
        version: ver,
      });
    }
    if (existing && existing.org_id !== orgId) {
      throw new CloudError(
        409,
        'CONFLICT',
        `${SINGULAR[kind]} ${name} already exists and belongs to another organization`,
        { resource: SINGULAR[kind], name },
      );
    }
    if (!existing) {
      const owned = m.list(kind).filter((i) => i.org_id === orgId).length;
      const max = PUBLISH_LIMIT[plan] ?? 1;
      if (owned >= max) {
        throw resourceLimit(`Plan limit reached: at most ${max} published ${kind} on the ${plan} plan`, {
          resource: kind,
          limit: `published ${kind}`,
          current: owned,
          max,
          plan,
        });
      }
    }
    const row = m.add(
      { ...meta, kind, name, org_id: orgId, tags: meta.tags ?? [] },
      { version: ver, data },
      nowIso(ctx),
    );
    return row.versions.at(-1)!;
  }

  function submitReview(i: StoredItem, userId: string, body: unknown) {
    const r = parseBody(reviewSchema, body);
    const user = getUser(ctx, userId);
    const review = m.addReview(i, {
      reviewer: user,
      reviewer_email: `${user}@users.mockforge.test`,
      rating: r.rating,
      title: r.title ?? null,
      comment: r.comment,
      created_at: nowIso(ctx),
    });
    return { success: true, review_id: review.id, message: 'Review submitted successfully' };
  }
}
