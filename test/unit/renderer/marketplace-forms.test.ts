import { describe, expect, it } from 'vitest';
import { explainPublishError } from '../../../renderer/src/features/marketplace/publish-errors';
import { reviewProblems } from '../../../renderer/src/features/marketplace/ReviewForm';

describe('review checks before sending', () => {
  it('asks for a rating from 1 to 5 and a comment of at least 10 characters', () => {
    expect(reviewProblems(null, 'too short')).toEqual({
      rating: 'choose a rating from 1 to 5 stars',
      comment: 'write at least 10 characters (9 so far)',
    });
    expect(reviewProblems(6, 'long enough comment')).toEqual({ rating: 'choose a rating from 1 to 5 stars' });
    // Spaces around do not count towards the ten.
    expect(reviewProblems(3, '   short    ').comment).toBe('write at least 10 characters (5 so far)');
    expect(reviewProblems(5, 'Works for our checkout')).toEqual({});
  });
});

describe('publish errors explained in the dialog', () => {
  it('a 409 points at the version field and asks for a higher one', () => {
    const v = explainPublishError(
      { code: 'CONFLICT', message: 'The marketplace already has scenario "x" version 1.0.0.' },
      'scenario',
    );
    expect(v.field).toBe('version');
    expect(v.hint).toMatch(/higher version/);
  });
  it('a 400 naming a field shows it at that field', () => {
    const v = explainPublishError(
      { code: 'VALIDATION_ERROR', message: 'The cloud rejected scenario: bad', field: 'manifest.name' },
      'scenario',
    );
    expect(v.field).toBe('name');
  });
  it('RESOURCE_LIMIT_EXCEEDED explains the plan limit and the ways out', () => {
    const v = explainPublishError(
      { code: 'FORBIDDEN', message: "Your plan's limit on scenarios is reached: Plan limit reached" },
      'template',
    );
    expect(v.field).toBeNull();
    expect(v.hint).toMatch(/plan allows no more published templates.*Upgrade.*another organization/);
  });
  it('a refused sign-in offers signing in', () => {
    expect(explainPublishError({ code: 'UNAUTHORIZED', message: 'x' }, 'scenario').signIn).toBe(true);
  });
});
