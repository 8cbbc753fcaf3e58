import { useState } from 'react';
import type { DataBucket } from '../../../../shared/models';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { BucketEditor } from './BucketEditor';
import { useBuckets } from './bucket-queries';

/** A project's data buckets: the list on the left, the selected one's editor and current value on the right. */
export function BucketsView({ projectId }: { projectId: string }) {
  const { data, error } = useBuckets(projectId);
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const bucket = data?.find((b) => b.id === selected) ?? null;

  return (
    <div className="mocks-view buckets-view">
      <section className="mock-list" aria-label="Data buckets">
        <div className="pane-head">
          <span className="label">Data buckets</span>
          <button type="button" className="btn btn-small btn-primary" onClick={() => setSelected('new')}>
            New bucket
          </button>
        </div>
        <ErrorNotice error={error} />
        {data && data.length === 0 && (
          <EmptyState title="No data buckets yet">
            A bucket holds JSON, such as a list of users, that CRUD routes serve and change.
          </EmptyState>
        )}
        <ul role="list" className="mock-items">
          {data?.map((b) => (
            <BucketRow key={b.id} bucket={b} active={b.id === selected} onOpen={setSelected} />
          ))}
        </ul>
      </section>
      <div className="editor-pane">
        <ErrorBoundary area="the bucket editor">
          {selected === 'new' ? (
            <BucketEditor key="new" projectId={projectId} bucket={null} onSaved={setSelected} />
          ) : bucket ? (
            <BucketEditor key={bucket.id} projectId={projectId} bucket={bucket} onSaved={setSelected} />
          ) : (
            <EmptyState
              title="Keep state between requests"
              action={
                <button type="button" className="btn btn-primary" onClick={() => setSelected('new')}>
                  New bucket
                </button>
              }
            >
              <ol className="steps">
                <li>
                  New bucket: name it <code>users</code> and give it JSON such as <code>[]</code>.
                </li>
                <li>
                  New mock: choose <em>CRUD route</em>, the path <code>/users</code> and this bucket.
                </li>
                <li>
                  POST, GET, PUT, PATCH and DELETE <code>/users</code> and <code>/users/{'{id}'}</code>: changes stay
                  until you reset the bucket.
                </li>
              </ol>
            </EmptyState>
          )}
        </ErrorBoundary>
      </div>
    </div>
  );
}

function BucketRow({ bucket, active, onOpen }: { bucket: DataBucket; active: boolean; onOpen: (id: string) => void }) {
  return (
    <li className={`mock-item ${active ? 'active' : ''}`}>
      <button
        type="button"
        className="bucket-open"
        aria-current={active ? 'true' : undefined}
        aria-label={`Bucket ${bucket.name}`}
        onClick={() => onOpen(bucket.id)}
      >
        <span className="mock-path">{bucket.name}</span>
        <span className="mock-sub">
          {bucket.templated ? 'templated · ' : ''}
          {bucket.description || `${bucket.content.length} characters`}
        </span>
      </button>
    </li>
  );
}
