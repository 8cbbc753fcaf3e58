import { describe, expect, it } from 'vitest';
import { deploymentConfig } from '../../../main/core/cloud/deploy';
import type { MockResponse } from '../../../shared/models';

const response = (over: Partial<MockResponse>): MockResponse => ({
  id: 'r',
  mockId: 'm',
  name: 'OK',
  statusCode: 200,
  headers: {},
  body: '',
  isDefault: true,
  weight: 100,
  conditions: [],
  disableTemplating: false,
  conditionLogic: 'and',
  scenarioName: '',
  requiredScenarioState: '',
  newScenarioState: '',
  sortOrder: 0,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('deploymentConfig (config_json of a deployment)', () => {
  it('asks the cloud to expand templates when a body or a header value is a template', () => {
    expect(deploymentConfig([response({ body: '{"a": 1}' }), response({ body: "{{urlParam 'id'}}" })])).toEqual({
      cors_enabled: true,
      response_template_expand: true,
    });
    expect(deploymentConfig([response({ headers: { 'x-id': '{{uuid}}' } })]).response_template_expand).toBe(true);
  });

  it('does not when no response is a template, or the templated ones turn templating off', () => {
    expect(deploymentConfig([])).toEqual({ cors_enabled: true, response_template_expand: false });
    expect(deploymentConfig([response({ body: '{ "braces": "{ }" }' })]).response_template_expand).toBe(false);
    const off = response({ body: '{{uuid}}', headers: { 'x-id': '{{uuid}}' }, disableTemplating: true });
    expect(deploymentConfig([off]).response_template_expand).toBe(false);
  });
});
