import type { DataBucket, DataBucketWithValue } from '../../../../shared/models';
import { call } from '../../app/api';
import { useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';

export const useBuckets = (projectId: string) =>
  useQuery<DataBucket[]>(qk.buckets.list(projectId), () => call('buckets.list', { projectId }));

export const useBucket = (id: string | null) =>
  useQuery<DataBucketWithValue>(id ? qk.buckets.detail(id) : null, () => call('buckets.get', { id: id! }));
