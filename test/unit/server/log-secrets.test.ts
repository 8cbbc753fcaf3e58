import { describe, expect, it } from 'vitest';
import { redactBodyText } from '../../../main/core/server/log-secrets';

describe('redactBodyText', () => {
  it.each([
    ['{"password":"a\\"b","x":1}', '{"password":"•••","x":1}'],
    ['{"Token": 12, "api-key":"z", "passwordHint":"h"}', '{"Token": "•••", "api-key":"•••", "passwordHint":"h"}'],
    // A body cut at the log's size limit in the middle of a secret.
    ['{"password":"cut-he', '{"password":"•••"'],
    // A URL inside JSON keeps the JSON valid.
    ['{"url":"http://x?a=1&token=abc"}', '{"url":"http://x?a=1&token=•••"}'],
    ['user=a&password=p%20q&client_secret=k', 'user=a&password=•••&client_secret=•••'],
    ['{"user":"ann","roles":["admin"]}', '{"user":"ann","roles":["admin"]}'],
  ])('%s → %s', (input, output) => {
    expect(redactBodyText(input)).toBe(output);
  });
});
