import { z } from 'zod';

/**
 * Response bodies of the marketplace endpoints (docs/reference/mockforge-cloud-api.md
 * §Marketplace). Lenient where the document's examples leave fields out, strict about what
 * installs rely on (names, versions, download URLs, checksums).
 */
const num = z.number().default(0);
const str = z.string().default('');
const optStr = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const reviewSchema = z.object({
  id: z.string(),
  reviewer: str,
  rating: z.number(),
  title: optStr,
  comment: str,
  created_at: str,
  helpful_count: num,
  verified_use: z.boolean().optional(),
  verified_purchase: z.boolean().optional(),
});
export type Review = z.infer<typeof reviewSchema>;

export const pluginSummarySchema = z.object({
  name: z.string(),
  version: z.string(),
  description: str,
  category: str,
  downloads: num,
  rating: num,
});
export const pluginSearchSchema = z.object({ plugins: z.array(pluginSummarySchema), total: z.number() });

export const pluginSchema = z.object({
  name: z.string(),
  description: str,
  category: str,
  author: str,
  latest_version: z.string(),
  downloads_total: num,
  rating_avg: num,
  rating_count: num,
});
export type PluginDetails = z.infer<typeof pluginSchema>;

export const pluginVersionSchema = z.object({
  name: z.string(),
  version: z.string(),
  download_url: z.string(),
  checksum: z.string(),
  published_at: str,
});

export const pluginPublishedSchema = z.object({ success: z.boolean(), upload_url: str, message: str });

/** What a template and a scenario in a search answer both carry (mockforge-cloud-api.md, Marketplace). */
const listedSchema = z.object({
  name: z.string(),
  version: z.string(),
  description: str,
  category: str,
  tags: z.array(z.string()).default([]),
  author: str,
  downloads: num,
  rating: num,
  reviews_count: num,
  created_at: str,
});

export const templateSummarySchema = listedSchema.extend({ slug: z.string() });
export const templateSearchSchema = z.object({
  templates: z.array(templateSummarySchema),
  total: z.number(),
  page: z.number(),
  per_page: z.number(),
});

export const templateSchema = templateSummarySchema.extend({
  author_email: optStr,
  content: z.unknown().optional(),
  download_url: z.string(),
  checksum: z.string(),
  size: z.number(),
  updated_at: str,
});
export type TemplateDetails = z.infer<typeof templateSchema>;

export const publishedSchema = z.object({
  name: z.string(),
  version: z.string(),
  download_url: str,
  published_at: str,
});
export type Published = z.infer<typeof publishedSchema>;

export const reviewPageSchema = z.object({
  reviews: z.array(reviewSchema),
  total: z.number(),
  page: z.number(),
  per_page: z.number(),
});
export type ReviewPage = z.infer<typeof reviewPageSchema>;

export const reviewSubmittedSchema = z.object({ success: z.boolean(), review_id: z.string(), message: str });

export const scenarioSummarySchema = listedSchema.extend({ reviews: z.array(reviewSchema).default([]) });
export const scenarioSearchSchema = z.object({
  scenarios: z.array(scenarioSummarySchema),
  total: z.number(),
  page: z.number(),
  per_page: z.number(),
});

export const scenarioVersionSchema = z.object({
  version: z.string(),
  download_url: z.string(),
  checksum: z.string(),
  size: z.number(),
  published_at: str,
  yanked: z.boolean().default(false),
  min_mockforge_version: optStr,
});
export type ScenarioVersion = z.infer<typeof scenarioVersionSchema>;

export const scenarioSchema = z.object({
  name: z.string(),
  description: str,
  version: z.string(),
  versions: z.array(scenarioVersionSchema),
  author: str,
  author_email: optStr,
  tags: z.array(z.string()).default([]),
  category: str,
  downloads: num,
  rating: num,
  reviews_count: num,
  reviews: z.array(reviewSchema).default([]),
  repository: optStr,
  homepage: optStr,
  license: str,
  created_at: str,
  updated_at: str,
});
export type ScenarioDetails = z.infer<typeof scenarioSchema>;
