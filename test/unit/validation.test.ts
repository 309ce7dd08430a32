// The validation runner (server/src/service/validation.ts) on its own: message templates, how
// reports become diagnostics, which rules run on which documents, and its caches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMessage, showInvisible } from '../../server/src/service/validation';

describe('formatMessage', () => {
  it('fills placeholders, with or without spaces inside the braces', () => {
    assert.equal(formatMessage('{{a}} and {{ b }}', { a: 1, b: 'x' }), '1 and x');
  });
  it('keeps a placeholder it has no data for', () => {
    assert.equal(formatMessage('{{a}} {{missing}}', { a: 'x' }), 'x {{missing}}');
    assert.equal(formatMessage('{{a}}', undefined), '{{a}}');
  });
  it('does not take inherited members for data', () => {
    assert.equal(formatMessage('{{toString}}', {}), '{{toString}}');
  });
  it('shows invisible characters in data as escapes', () => {
    assert.equal(formatMessage('key {{k}}', { k: 'rep\u200blicas' }), 'key rep\\u200Blicas');
    assert.equal(showInvisible('a\u00adb\ufeff'), 'a\\u00ADb\\uFEFF');
  });
});
