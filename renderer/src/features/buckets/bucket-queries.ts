import type { DataBucket, DataBucketWithValue } from '../../../../shared/models';
import { call } from '../../app/api';
import { keys, useQuery } from '../../app/query';

export const useBuckets = (projectId: string) =>
  useQuery<DataBucket[]>(keys.buckets(projectId), () => call('buckets.list', { projectId }));

export const useBucket = (id: string | null) =>
  useQuery<DataBucketWithValue>(id ? keys.bucket(id) : null, () => call('buckets.get', { id: id! }));

/** Everything a bucket change shows up in. */
export const bucketKeys = (projectId: string, bucketId?: string) => [
  keys.buckets(projectId),
  ...(bucketId ? [keys.bucket(bucketId)] : []),
];
