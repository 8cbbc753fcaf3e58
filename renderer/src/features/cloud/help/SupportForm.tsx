import { useState } from 'react';
import {
  SUPPORT_CATEGORY_NAMES,
  SUPPORT_PRIORITY_NAMES,
  type SupportTicketView,
} from '../../../../../shared/ipc/cloud-account';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { Field } from '../../../ui/Field';
import { CloudErrorNotice } from '../CloudErrorNotice';

type Category = (typeof SUPPORT_CATEGORY_NAMES)[number];
type Priority = (typeof SUPPORT_PRIORITY_NAMES)[number];

const CATEGORY_LABEL: Record<Category, string> = {
  technical: 'Technical problem',
  billing: 'Billing',
  account: 'Account',
  feature_request: 'Feature request',
  other: 'Something else',
};

interface Form {
  category: Category;
  priority: Priority;
  subject: string;
  message: string;
}

/** The same limits the contract checks, shown before sending. */
export function supportFormErrors(f: Form): Partial<Record<'subject' | 'message', string>> {
  const errors: Partial<Record<'subject' | 'message', string>> = {};
  if (!f.subject.trim()) errors.subject = 'Give your request a subject.';
  else if (f.subject.trim().length > 200) errors.subject = 'Keep the subject under 200 characters.';
  if (f.message.trim().length < 10) errors.message = 'Describe the problem in at least 10 characters.';
  else if (f.message.trim().length > 10_000) errors.message = 'Keep the message under 10,000 characters.';
  return errors;
}

/** POST /support/contact: category and priority, subject and message; shows the ticket id. */
export function SupportForm() {
  const [form, setForm] = useState<Form>({ category: 'technical', priority: 'medium', subject: '', message: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [ticket, setTicket] = useState<SupportTicketView | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const errors = supportFormErrors(form);

  const send = async () => {
    setTried(true);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      setTicket(await call('help.contact', { ...form, subject: form.subject.trim(), message: form.message.trim() }));
      setForm({ ...form, subject: '', message: '' });
      setTried(false);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cloud-card" aria-label="Contact support">
      <h2>Contact support</h2>
      {ticket && (
        <div className="notice notice-ok" role="status" data-testid="support-ticket">
          <div>
            Request received — ticket <strong>{ticket.ticketId}</strong>. {ticket.message ?? ''} Quote the ticket id
            when you write again.
          </div>
        </div>
      )}
      <form
        aria-label="Support request"
        noValidate
        className="support-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div className="support-row">
          <Field label="Category">
            {(ids) => (
              <select
                {...ids}
                value={form.category}
                onChange={(e) => setForm({ ...form, category: e.target.value as Category })}
              >
                {SUPPORT_CATEGORY_NAMES.map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY_LABEL[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Priority">
            {(ids) => (
              <select
                {...ids}
                value={form.priority}
                onChange={(e) => setForm({ ...form, priority: e.target.value as Priority })}
              >
                {SUPPORT_PRIORITY_NAMES.map((p) => (
                  <option key={p} value={p}>
                    {p[0]!.toUpperCase() + p.slice(1)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Subject" error={tried ? errors.subject : undefined}>
          {(ids) => (
            <input
              {...ids}
              value={form.subject}
              maxLength={200}
              onChange={(e) => setForm({ ...form, subject: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Message"
          error={tried ? errors.message : undefined}
          help="What you did, what happened, what you expected. Never paste tokens or passwords."
        >
          {(ids) => (
            <textarea
              {...ids}
              rows={6}
              value={form.message}
              onChange={(e) => setForm({ ...form, message: e.target.value })}
            />
          )}
        </Field>
        <CloudErrorNotice error={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Sending…' : 'Send request'}
        </button>
      </form>
    </section>
  );
}
