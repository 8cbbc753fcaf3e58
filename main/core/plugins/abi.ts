import { z } from 'zod';
import { storedHeaderMapSchema, type HeaderMap } from '../../../shared/models';

/**
 * The plugin ABI (docs/plugins.md). A plugin is a WebAssembly module without imports that
 * exports `memory`, `alloc(len: i32) -> i32` and `handle(ptr: i32, len: i32) -> i64`.
 * MockDeck writes the input (UTF-8 JSON, PluginInput) at `alloc(len)`, calls `handle`, and
 * reads the output (UTF-8 JSON, PluginOutput) at the returned `(ptr << 32) | len`.
 */
export interface PluginInput {
  request: {
    method: string;
    path: string;
    query: Record<string, string | string[]>;
    headers: Record<string, string>;
    body: string;
  };
  /** Response headers by lowercase name; a list is a header sent as repeated lines (two Set-Cookie). */
  response: { status: number; headers: HeaderMap; body: string };
}

/** What the plugin changes; an absent field keeps the response's. */
export const pluginOutputSchema = z
  .object({
    status: z.number().int().min(100).max(599).optional(),
    /** Merged into the response's; a list sends repeated lines. */
    headers: storedHeaderMapSchema.optional(),
    body: z.string().optional(),
  })
  .strict();
export type PluginOutput = z.infer<typeof pluginOutputSchema>;

/** Input and output are each at most 1 MiB: the bound on what one call can move. */
export const MAX_PLUGIN_IO_BYTES = 1024 * 1024;
/** The default time one plugin call may take. */
export const DEFAULT_PLUGIN_BUDGET_MS = 250;
