import { describe, expect, it } from 'vitest';
import {
  applyForm,
  formOf,
  NEW_PIPELINE_YAML,
  readYaml,
  validateForm,
  yamlOf,
} from '../../../renderer/src/features/pipelines/pipeline-form';

describe('pipeline editor: form and YAML over one definition', () => {
  it('the form edits the first trigger and notify step and keeps what it does not show', () => {
    const r = readYaml(`name: a
definition:
  triggers:
    - event: schema.changed
      filters: { schema_type: openapi }
    - event: workspace.created
  steps:
    - name: sdk
      step_type: regenerate_sdk
      config: { output_dir: out }
    - name: hook
      step_type: notify
      config: { webhook_url: "http://x/1", secret: { $secret: "pipeline:1:hook:secret" }, method: PUT }
`);
    if (!('doc' in r)) throw new Error(r.error);
    const form = formOf(r.doc);
    expect(form).toEqual({ name: 'a', event: 'schema.changed', webhookUrl: 'http://x/1', message: '', secret: '' });
    const doc = applyForm(r.doc, { ...form, event: 'config.changed', message: 'm' });
    expect(doc.definition.triggers).toEqual([
      { event: 'config.changed', filters: { schema_type: 'openapi' } },
      { event: 'workspace.created' },
    ]);
    expect(doc.definition.steps[0]).toMatchObject({ step_type: 'regenerate_sdk', config: { output_dir: 'out' } });
    // The stored secret's keychain reference survives an edit that leaves the secret empty.
    expect(doc.definition.steps[1]!.config).toEqual({
      type: 'webhook',
      webhook_url: 'http://x/1',
      message: 'm',
      method: 'PUT',
      secret: { $secret: 'pipeline:1:hook:secret' },
    });
    expect(readYaml(yamlOf(doc))).toEqual({ doc });
  });

  it('the starting YAML reads; broken YAML and missing fields say what is wrong', () => {
    expect('doc' in readYaml(NEW_PIPELINE_YAML)).toBe(true);
    expect(readYaml('name: [')).toEqual({ error: expect.stringMatching(/^The YAML does not parse/) });
    expect(readYaml('definition: {}')).toEqual({ error: 'name is required.' });
    expect(readYaml('name: x')).toEqual({ error: 'definition is required (triggers and steps).' });
  });

  it('validates the name and an http(s) webhook URL', () => {
    const f = { name: '', event: 'config.changed' as const, webhookUrl: 'ftp://x', message: '', secret: '' };
    expect(validateForm(f)).toEqual({ name: 'Give the pipeline a name', webhookUrl: 'Use an http:// or https:// URL' });
    expect(validateForm({ ...f, name: 'n', webhookUrl: 'https://example.com/h' })).toEqual({});
  });
});
