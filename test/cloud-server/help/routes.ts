import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { authRequired, parseBody } from '../http/errors';
import { FAQ, LEGAL } from './content';

export const SUPPORT_CATEGORIES = ['technical', 'billing', 'account', 'feature_request', 'other'] as const;
export const SUPPORT_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

const contactSchema = z.object({
  category: z.enum(SUPPORT_CATEGORIES, { message: `category must be one of ${SUPPORT_CATEGORIES.join(', ')}` }),
  priority: z.enum(SUPPORT_PRIORITIES, { message: `priority must be one of ${SUPPORT_PRIORITIES.join(', ')}` }),
  subject: z.string({ message: 'subject is required' }).trim().min(1, 'subject is required').max(200),
  message: z.string({ message: 'message is required' }).trim().min(1, 'message is required').max(10_000),
});

/** §Legal & Support: public documents and FAQ; support requests from anyone, named when signed in. */
export function registerHelpRoutes(app: FastifyInstance, ctx: ServerContext): void {
  for (const doc of ['terms', 'privacy', 'dpa'] as const) {
    app.get(`/api/v1/legal/${doc}`, async () => LEGAL[doc]);
  }
  app.get('/api/v1/faq', async () => FAQ);

  app.post('/api/v1/support/contact', async (req) => {
    // Authentication is optional, but a credential that was sent must be valid.
    if (req.authProblem) throw authRequired(req.authProblem);
    const body = parseBody(contactSchema, req.body);
    const ticket_id = `TKT-${String(100_001 + ctx.account.tickets.length).padStart(6, '0')}`;
    ctx.account.tickets.push({
      ticket_id,
      user_id: req.principal?.userId ?? null,
      category: body.category,
      priority: body.priority,
      subject: body.subject,
    });
    return { ticket_id, message: 'Your support request has been received.' };
  });
}
