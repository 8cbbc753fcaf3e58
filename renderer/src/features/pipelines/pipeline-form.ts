import { parse, stringify } from 'yaml';
import {
  PIPELINE_EVENT_TYPES,
  type Pipeline,
  type PipelineDefinition,
  type PipelineEventType,
} from '../../../../shared/models/pipeline';

/**
 * The editor's two faces over one pipeline: a form for the common case (one trigger, one
 * webhook step) and the YAML of mockops-api.md §Examples for everything else. The YAML is the
 * truth; the form reads from it and writes back into it, keeping what it does not show.
 */
export interface PipelineForm {
  name: string;
  event: PipelineEventType;
  webhookUrl: string;
  message: string;
  secret: string;
}

export interface YamlDoc {
  name: string;
  definition: PipelineDefinition;
}

export const NEW_PIPELINE_YAML = `name: notify-on-change
definition:
  enabled: true
  triggers:
    - event: config.changed
      filters: {}
  steps:
    - name: notify
      step_type: notify
      config:
        type: webhook
        webhook_url: "http://127.0.0.1:9000/hook"
        message: "{{event.slug}} changed"
      continue_on_error: false
      timeout: null
`;

export const yamlOf = (p: Pick<Pipeline, 'name' | 'definition'>): string =>
  stringify({ name: p.name, definition: p.definition });

/** The YAML as a document, or the reason it is not one (shown under the editor). */
export function readYaml(text: string): { doc: YamlDoc } | { error: string } {
  let v: unknown;
  try {
    v = parse(text);
  } catch (e) {
    return { error: `The YAML does not parse: ${(e as Error).message.split('\n')[0]}` };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v))
    return { error: 'The YAML needs name and definition at the top.' };
  const d = v as Partial<YamlDoc>;
  if (typeof d.name !== 'string' || d.name.trim() === '') return { error: 'name is required.' };
  if (!d.definition || typeof d.definition !== 'object')
    return { error: 'definition is required (triggers and steps).' };
  return { doc: d as YamlDoc };
}

/** The form's view of a document: its first trigger and its first notify step. */
export function formOf(doc: YamlDoc): PipelineForm {
  const trigger = doc.definition.triggers?.[0]?.event;
  const step = doc.definition.steps?.find((s) => s.step_type === 'notify');
  const c = (step?.config ?? {}) as Record<string, unknown>;
  return {
    name: doc.name,
    event: trigger && (PIPELINE_EVENT_TYPES as readonly string[]).includes(trigger) ? trigger : 'config.changed',
    webhookUrl: typeof c.webhook_url === 'string' ? c.webhook_url : '',
    message: typeof c.message === 'string' ? c.message : '',
    // A stored secret is a keychain reference: the form shows it as kept, never its value.
    secret: typeof c.secret === 'string' ? c.secret : '',
  };
}

/** Writes the form back into the document, changing only what the form shows. */
export function applyForm(doc: YamlDoc, f: PipelineForm): YamlDoc {
  const def = structuredClone(doc.definition);
  def.triggers = [{ ...(def.triggers?.[0] ?? { filters: {} }), event: f.event }, ...(def.triggers ?? []).slice(1)];
  const steps = def.steps ?? [];
  let i = steps.findIndex((s) => s.step_type === 'notify');
  if (i < 0) {
    steps.push({ name: 'notify', step_type: 'notify', config: {}, continue_on_error: false, timeout: null });
    i = steps.length - 1;
  }
  const config: Record<string, unknown> = {
    ...steps[i]!.config,
    type: 'webhook',
    webhook_url: f.webhookUrl,
    message: f.message,
  };
  if (f.secret) config.secret = f.secret;
  steps[i] = { ...steps[i]!, config };
  def.steps = steps;
  return { name: f.name, definition: def };
}

export function validateForm(f: PipelineForm): Partial<Record<keyof PipelineForm, string>> {
  const errors: Partial<Record<keyof PipelineForm, string>> = {};
  if (!f.name.trim()) errors.name = 'Give the pipeline a name';
  try {
    const u = new URL(f.webhookUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') errors.webhookUrl = 'Use an http:// or https:// URL';
  } catch {
    errors.webhookUrl = 'Enter the URL that receives the webhook, e.g. https://example.com/hook';
  }
  return errors;
}
