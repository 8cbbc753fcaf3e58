import type { DataBucket, DataBucketWithValue } from '../models';

/**
 * Data buckets on the management REST API: MockDeck's own resource (MockBird has none), in
 * the API's snake_case. `value` (the current value as JSON text) only where one bucket is shown.
 */
export interface WireBucket {
  bucket_id: string;
  project_id: string;
  name: string;
  description: string;
  content: string;
  templated: 0 | 1;
  value?: string;
  value_updated_at?: string | null;
  created_at: string;
  updated_at: string;
}

export function toWireBucket(b: DataBucket | DataBucketWithValue): WireBucket {
  const w: WireBucket = {
    bucket_id: b.id,
    project_id: b.projectId,
    name: b.name,
    description: b.description,
    content: b.content,
    templated: b.templated ? 1 : 0,
    created_at: b.createdAt,
    updated_at: b.updatedAt,
  };
  if ('value' in b) {
    w.value = b.value;
    w.value_updated_at = b.valueUpdatedAt;
  }
  return w;
}
