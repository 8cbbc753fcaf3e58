import { useState } from 'react';
import { LEGAL_DOC_NAMES } from '../../../../../shared/ipc/cloud-account';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { useLegalDoc } from '../account/account-queries';
import { FaqList } from './FaqList';
import { SafeMarkdown } from './SafeMarkdown';
import { SupportForm } from './SupportForm';
import './help.css';

type Section = 'faq' | 'support' | (typeof LEGAL_DOC_NAMES)[number];
const SECTIONS: { id: Section; label: string }[] = [
  { id: 'faq', label: 'FAQ' },
  { id: 'support', label: 'Contact support' },
  { id: 'terms', label: 'Terms of Service' },
  { id: 'privacy', label: 'Privacy Policy' },
  { id: 'dpa', label: 'DPA' },
];

/** FAQ, a support request form, and the cloud's legal documents. */
export function HelpScreen() {
  const [section, setSection] = useState<Section>('faq');
  return (
    <div className="cloud-screen help-screen">
      <nav className="help-nav" aria-label="Help sections">
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`help-nav-btn ${section === s.id ? 'active' : ''}`}
            aria-current={section === s.id ? 'page' : undefined}
            onClick={() => setSection(s.id)}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <div className="help-body">
        {section === 'faq' && <FaqList />}
        {section === 'support' && <SupportForm />}
        {(section === 'terms' || section === 'privacy' || section === 'dpa') && <LegalDoc doc={section} />}
      </div>
    </div>
  );
}

function LegalDoc({ doc }: { doc: (typeof LEGAL_DOC_NAMES)[number] }) {
  const { data, error } = useLegalDoc(doc);
  return (
    <article className="cloud-card legal-doc" aria-label={data?.title ?? 'Legal document'}>
      <CloudErrorNotice error={error} />
      {!data && !error && <div className="loading">Loading…</div>}
      {data && (
        <>
          {data.lastUpdated && <p className="muted small">Last updated {data.lastUpdated}</p>}
          <SafeMarkdown>{data.content}</SafeMarkdown>
        </>
      )}
    </article>
  );
}
