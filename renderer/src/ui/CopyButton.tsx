import { useEffect, useState } from 'react';
import { copyText } from './clipboard';

export function CopyButton({
  text,
  label,
  visibleLabel = 'Copy',
  className,
  onCopied,
}: {
  text: string;
  label: string;
  visibleLabel?: string;
  className?: string;
  onCopied?: () => void;
}) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <button
      type="button"
      className={`btn btn-small ${className ?? ''}`}
      aria-label={label}
      onClick={() =>
        void copyText(text).then(() => {
          setCopied(true);
          onCopied?.();
        })
      }
    >
      {copied ? 'Copied' : visibleLabel}
    </button>
  );
}
