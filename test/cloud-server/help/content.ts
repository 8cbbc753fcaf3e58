/**
 * The legal documents and FAQ this server serves (§Legal & Support). Short, but real Markdown
 * with headings, lists, emphasis and links, so that clients render what production sends.
 */
export const LEGAL = {
  terms: {
    title: 'Terms of Service',
    last_updated: '2024-07-20',
    content: `# MockForge Terms of Service

These terms govern your use of **MockForge Cloud** ("the Service").

## 1. Accounts
- You are responsible for the activity of your account and its API tokens.
- Keep your credentials secret; rotate tokens older than 90 days.

## 2. Acceptable use
You must not use hosted mocks to impersonate third-party services to their users, or to
distribute malware. See the [Privacy Policy](https://mockforge.dev/privacy) for how we treat data.

## 3. Plans and billing
Paid plans renew monthly. You can cancel at any time; the plan stays active until the end of the
billing period.

## 4. Termination
You may delete your account and data at any time (GDPR deletion). We may suspend accounts that
break these terms.
`,
  },
  privacy: {
    title: 'Privacy Policy',
    last_updated: '2024-07-20',
    content: `# MockForge Privacy Policy

We collect only what we need to run the Service:

1. **Account data**: username, email, a password hash.
2. **Project data**: the mocks you sync or deploy.
3. **Usage data**: request counts and storage, for billing.

## Your rights
You can *export* all your data (\`GET /api/v1/gdpr/export\`) and *delete* it at any time.
Questions: [privacy@mockforge.dev](mailto:privacy@mockforge.dev) or our
[contact page](https://mockforge.dev/contact).
`,
  },
  dpa: {
    title: 'Data Processing Agreement',
    last_updated: '2024-07-20',
    content: `# MockForge DPA

This Data Processing Agreement ("DPA") forms part of the Terms of Service between you
(the **Controller**) and MockForge (the **Processor**).

## Subprocessors
| Subprocessor | Purpose |
| --- | --- |
| Stripe | Payments |
| AWS | Hosting |

## Security measures
- Encryption in transit (TLS 1.2+) and at rest.
- API tokens are stored as hashes only.
`,
  },
} as const;

export const FAQ = {
  categories: ['Getting Started', 'Billing', 'Features'],
  items: [
    {
      id: 'getting-started-1',
      question: 'What is MockForge Cloud?',
      answer: 'MockForge Cloud hosts your mock APIs at a public URL and syncs them between machines.',
      category: 'Getting Started',
    },
    {
      id: 'getting-started-2',
      question: 'How do I create an API token?',
      answer: 'Go to Settings → API Tokens, or run `mockdeck cloud tokens create NAME`. The token is shown once.',
      category: 'Getting Started',
    },
    {
      id: 'billing-1',
      question: 'How do I upgrade my plan?',
      answer: 'Choose a plan under Account → Plan. Checkout opens in your browser; the new limits apply at once.',
      category: 'Billing',
    },
    {
      id: 'billing-2',
      question: 'What happens when I reach my request limit?',
      answer: 'Hosted mocks answer 429 until the next billing period, or until you upgrade.',
      category: 'Billing',
    },
    {
      id: 'features-1',
      question: 'Can I deploy a project to a public URL?',
      answer: 'Yes, on the Pro and Team plans: one click deploys a synced project.',
      category: 'Features',
    },
    {
      id: 'features-2',
      question: 'How do I export or delete my data?',
      answer: 'Account → Your data exports everything we hold about you as JSON, or deletes it for good.',
      category: 'Features',
    },
  ],
};
