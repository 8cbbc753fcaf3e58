import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MarketKind } from '../../../../shared/models';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useCloudStatus } from '../cloud/cloud-queries';

const MIN_COMMENT = 10;

/** The same rules as market.submitReview's schema, checked before anything is sent. */
export function reviewProblems(rating: number | null, comment: string): { rating?: string; comment?: string } {
  const out: { rating?: string; comment?: string } = {};
  if (rating === null || rating < 1 || rating > 5) out.rating = 'choose a rating from 1 to 5 stars';
  const n = comment.trim().length;
  if (n < MIN_COMMENT) out.comment = `write at least ${MIN_COMMENT} characters (${n} so far)`;
  return out;
}

/** Reviewing needs sign-in; signed out, the form says so and where to sign in. */
export function ReviewForm({ kind, name, onPosted }: { kind: MarketKind; name: string; onPosted: () => void }) {
  const { data: status } = useCloudStatus();
  const { openCloud, notify } = useAppStore(useShallow((s) => ({ openCloud: s.openCloud, notify: s.notify })));
  const [rating, setRating] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const [comment, setComment] = useState('');
  const [shown, setShown] = useState<{ rating?: string; comment?: string }>({});
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  if (status && !status.signedIn) {
    return (
      <p className="market-signin muted" role="note">
        Sign in to the cloud to write a review.{' '}
        <button type="button" className="btn btn-small" onClick={() => openCloud('account')}>
          Sign in…
        </button>
      </p>
    );
  }
  const submit = async () => {
    const problems = reviewProblems(rating, comment);
    setShown(problems);
    if (Object.keys(problems).length > 0 || rating === null) return;
    setBusy(true);
    setError(null);
    try {
      await call('market.submitReview', {
        kind,
        name,
        rating,
        comment: comment.trim(),
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      setRating(null);
      setTitle('');
      setComment('');
      invalidate(qk.market.reviewsOf(kind, name), qk.market.show(kind, name));
      notify({ kind: 'info', message: 'Review posted' });
      onPosted();
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="market-review-form"
      aria-label="Write a review"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4>Write a review</h4>
      <fieldset className="market-rating" aria-describedby={shown.rating ? 'market-rating-error' : undefined}>
        <legend>Rating</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="market-rating-option">
            <input type="radio" name="market-rating" value={n} checked={rating === n} onChange={() => setRating(n)} />{' '}
            {n} {n === 1 ? 'star' : 'stars'}
          </label>
        ))}
        {shown.rating && (
          <div id="market-rating-error" className="field-error" role="alert">
            {shown.rating[0]!.toUpperCase() + shown.rating.slice(1)}
          </div>
        )}
      </fieldset>
      <Field label="Title (optional)">
        {(ids) => <input {...ids} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label="Comment" error={shown.comment} help={`At least ${MIN_COMMENT} characters.`}>
        {(ids) => (
          <textarea {...ids} rows={3} value={comment} maxLength={5000} onChange={(e) => setComment(e.target.value)} />
        )}
      </Field>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
        {busy ? 'Posting…' : 'Post review'}
      </button>
    </form>
  );
}
