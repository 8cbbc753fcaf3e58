/** A rating out of 5 as stars, with the number for screen readers and for precision. */
export function Stars({ rating }: { rating: number }) {
  const full = Math.min(5, Math.max(0, Math.round(rating)));
  return (
    <span className="market-stars" aria-label={`rated ${rating.toFixed(1)} of 5`}>
      <span aria-hidden="true">
        {'★'.repeat(full)}
        {'☆'.repeat(5 - full)}
      </span>{' '}
      {rating.toFixed(1)}
    </span>
  );
}
