import { describe, expect, it } from 'vitest';
import {
  conditionRowErrors,
  describeCondition,
  needsValue,
  newConditionRow,
  toCondition,
} from '../../../renderer/src/features/conditions/condition-form';

describe('condition rows', () => {
  it('need a field', () => {
    expect(conditionRowErrors(newConditionRow({ field: ' ', value: 'x' })).field).toMatch(/field is required/);
  });
  it('flag a bad regex and an empty one', () => {
    expect(conditionRowErrors(newConditionRow({ field: 'q', operator: 'regex', value: '(a' })).value).toMatch(
      /^invalid regex/,
    );
    expect(conditionRowErrors(newConditionRow({ field: 'q', operator: 'regex', value: '' })).value).toMatch(
      /regex is empty/,
    );
    expect(conditionRowErrors(newConditionRow({ field: 'q', operator: 'regex', value: '^ad(min)?$' }))).toEqual({});
  });
  it('need a number for gt and lt', () => {
    expect(conditionRowErrors(newConditionRow({ field: 'n', operator: 'gt', value: 'ten' })).value).toMatch(
      /needs a number/,
    );
    expect(conditionRowErrors(newConditionRow({ field: 'n', operator: 'lt', value: '10' }))).toEqual({});
  });
  it('exists and not_exists take no value, so a leftover value is neither checked nor saved', () => {
    expect(needsValue('exists')).toBe(false);
    expect(needsValue('equals')).toBe(true);
    const row = newConditionRow({ field: 'q', operator: 'not_exists', value: '(' });
    expect(conditionRowErrors(row)).toEqual({});
    expect(toCondition(row).value).toBe('');
  });
  it('read as a sentence', () => {
    expect(describeCondition({ type: 'header', field: 'x-role', operator: 'equals', value: 'admin' })).toBe(
      'header x-role equals "admin"',
    );
    expect(describeCondition({ type: 'query', field: 'page', operator: 'exists', value: '' })).toBe(
      'query page exists',
    );
  });
});
