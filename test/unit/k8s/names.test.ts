import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  sanitizeName,
  validateCronJobName,
  validateDns1035Label,
  validateDns1123Label,
  validateDns1123Subdomain,
  validateLabelValue,
  validatePortName,
  validateQualifiedName,
} from '../../../server/src/service/k8s/names';

type V = (n: string) => string | undefined;
const table: [string, V, string[], string[]][] = [
  [
    'DNS-1123 subdomain',
    validateDns1123Subdomain,
    ['web', 'my-app', 'a.b.c', '0abc', 'x'.repeat(253)],
    ['', 'My-App', 'web_1', '-web', 'web-', 'a..b', 'x'.repeat(254), 'ünï'],
  ],
  ['DNS-1123 label', validateDns1123Label, ['web', 'web-0', '9lives', 'x'.repeat(63)], ['', 'a.b', 'Web', 'web-', 'x'.repeat(64)]],
  ['DNS-1035 label', validateDns1035Label, ['web', 'web-0', 'x'.repeat(63)], ['', '9lives', 'a.b', 'Web', 'web-', 'x'.repeat(64)]],
  [
    'IANA port name',
    validatePortName,
    ['http', 'metrics-9090', 'h2c', 'x'.repeat(15)],
    ['', '8080', 'http--alt', '-http', 'http-', 'HTTP', 'my_port', 'x'.repeat(16)],
  ],
  ['label value', validateLabelValue, ['', 'web', 'Web_App.v2', 'x'.repeat(63)], ['web app', '-web', 'web.', 'x'.repeat(64), 'a/b']],
  [
    'label key',
    validateQualifiedName,
    ['app', 'app.kubernetes.io/name', 'Example_Key', 'example.com/x'],
    ['', '/app', 'a/b/c', 'Example.com/x', 'app.kubernetes.io/', '-app', 'x'.repeat(64)],
  ],
  ['CronJob name', validateCronJobName, ['nightly', 'x'.repeat(52)], ['x'.repeat(53), 'Nightly']],
];
for (const [name, validate, ok, bad] of table) {
  describe(name, () => {
    for (const n of ok)
      it(`accepts ${JSON.stringify(n.length > 20 ? `${n.slice(0, 5)}…(${n.length})` : n)}`, () => assert.equal(validate(n), undefined));
    for (const n of bad)
      it(`rejects ${JSON.stringify(n.length > 20 ? `${n.slice(0, 5)}…(${n.length})` : n)}`, () =>
        assert.equal(typeof validate(n), 'string'));
  });
}

describe('sanitizeName', () => {
  it('lower-cases and replaces invalid characters', () => assert.equal(sanitizeName('My_App', validateDns1123Label), 'my-app'));
  it('gives nothing for a valid or hopeless name', () => {
    assert.equal(sanitizeName('web', validateDns1123Label), undefined);
    assert.equal(sanitizeName('___', validateDns1123Label), undefined);
  });
});
