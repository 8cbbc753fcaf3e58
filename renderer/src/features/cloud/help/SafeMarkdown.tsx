import type { AnchorHTMLAttributes } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { safeExternalUrl } from '../../../../../shared/ipc/external-url';

/**
 * Markdown from the cloud (legal documents) as React elements, never as HTML: react-markdown
 * builds elements from the syntax tree, so nothing is injected with innerHTML; `skipHtml`
 * drops raw HTML in the source; images are not rendered (no remote loads); and a link is
 * kept only if it passes the app's external-URL rule, then opens outside the app
 * (target=_blank: the desktop window hands it to the system browser and denies the window).
 */
export function SafeMarkdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <Markdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        disallowedElements={['img']}
        unwrapDisallowed
        components={{ a: ExternalLink }}
      >
        {children}
      </Markdown>
    </div>
  );
}

function ExternalLink({ href, children }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  const safe = safeExternalUrl(href);
  if (!safe) return <span className="markdown-dead-link">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" title={safe}>
      {children}
    </a>
  );
}
