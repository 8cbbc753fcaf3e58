import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import { deliver } from './deliver';
import { DeadLetter, StepConfigError, type StepContext, type StepResult } from './types';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** http(s) only: a definition must not make MockDeck read files or speak other protocols. */
function httpUrl(v: unknown, field: string): string {
  const s = str(v);
  if (!s) throw new StepConfigError(`${field} is required`);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new StepConfigError(`${field} "${s.slice(0, 200)}" is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new StepConfigError(`${field} must be an http(s) URL`);
  return u.toString();
}

/** `X-Webhook-Signature`: hex HMAC-SHA256 of the exact body sent, keyed with the config's secret. */
export const signBody = (secret: string, body: string): string =>
  createHmac('sha256', secret).update(body).digest('hex');

async function webhook(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult> {
  const url = httpUrl(config.webhook_url, 'webhook_url');
  const method = (str(config.method) ?? 'POST').toUpperCase();
  if (!['POST', 'PUT', 'PATCH'].includes(method)) throw new StepConfigError('method must be POST, PUT or PATCH');
  const extra =
    config.payload && typeof config.payload === 'object' && !Array.isArray(config.payload) ? config.payload : {};
  const body = JSON.stringify({
    ...extra,
    message: str(config.message) ?? '',
    pipeline: { id: ctx.pipeline.id, name: ctx.pipeline.name },
    event: ctx.event,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'MockDeck-Pipelines' };
  const secret = str(config.secret);
  if (secret) {
    headers['x-webhook-signature'] = signBody(secret, body);
    headers['x-webhook-timestamp'] = ctx.deps.clock.now().toISOString();
  }
  return { output: await deliver({ url, method, headers, body }, ctx.deps.retry, ctx.signal) };
}

async function slack(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult> {
  const url = httpUrl(config.slack_webhook_url, 'slack_webhook_url');
  const text = str(config.message) ?? `Pipeline ${ctx.pipeline.name} ran on ${ctx.event.event_type}`;
  const channels = Array.isArray(config.channels)
    ? config.channels.filter((c): c is string => typeof c === 'string')
    : [];
  // An incoming webhook posts to its own channel; `channel` is honoured by legacy ones only.
  const bodies = channels.length ? channels.map((channel) => ({ text, channel })) : [{ text }];
  const sent: Record<string, unknown>[] = [];
  for (const b of bodies) {
    sent.push(
      await deliver(
        { url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) },
        ctx.deps.retry,
        ctx.signal,
      ),
    );
  }
  return { output: { deliveries: sent } };
}

async function email(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult> {
  const smtp = (config.smtp ?? {}) as Record<string, unknown>;
  const host = str(smtp.host);
  if (!host) throw new StepConfigError('smtp.host is required');
  const port = typeof smtp.port === 'number' ? smtp.port : 587;
  const to = Array.isArray(config.to) ? config.to.filter((t): t is string => typeof t === 'string') : [];
  if (to.length === 0) throw new StepConfigError('to lists at least one address');
  const from = str(smtp.from) ?? str(smtp.username) ?? 'mockdeck@localhost';
  const user = str(smtp.username);
  const pass = str(smtp.password);
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: smtp.secure === true || port === 465,
    ...(user ? { auth: { user, pass: pass ?? '' } } : {}),
    // A local or self-hosted relay; plain SMTP is allowed when the server offers no STARTTLS.
    tls: { rejectUnauthorized: smtp.allow_self_signed !== true },
    connectionTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const tries: string[] = [];
  try {
    for (let attempt = 1; attempt <= ctx.deps.retry.attempts; attempt++) {
      try {
        const info = await transport.sendMail({
          from,
          to,
          subject: str(config.subject) ?? `MockDeck pipeline ${ctx.pipeline.name}`,
          text: str(config.message) ?? '',
        });
        return { output: { message_id: info.messageId, accepted: info.accepted, attempts: attempt } };
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        tries.push((e as Error).message);
        if (attempt < ctx.deps.retry.attempts)
          await new Promise((r) => setTimeout(r, ctx.deps.retry.baseDelayMs * 2 ** (attempt - 1)));
      }
    }
  } finally {
    transport.close();
  }
  throw new DeadLetter(`email to ${to.join(', ')} failed after ${tries.length} tries: ${tries.at(-1) ?? ''}`, {
    dead_letter: true,
    attempts: tries.length,
    tries,
  });
}

/** `notify`: a webhook (signed when the config has a secret), a Slack incoming webhook, or an email. */
export async function notify(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult> {
  const type = str(config.type) ?? (config.slack_webhook_url ? 'slack' : config.smtp ? 'email' : 'webhook');
  if (type === 'webhook') return webhook(config, ctx);
  if (type === 'slack') return slack(config, ctx);
  if (type === 'email') return email(config, ctx);
  throw new StepConfigError(`notify type "${type}" is not one of webhook, slack, email`);
}
