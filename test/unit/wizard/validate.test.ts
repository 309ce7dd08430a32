// The wizard's input validators: what Kubernetes (and our rules) would accept.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkSchedule,
  validateImage,
  validateName,
  validatePort,
  validatePositiveInteger,
  validateStorageClass,
  validateStorageSize,
} from '../../../server/src/service/wizard/index';
import type { WorkloadKind } from '../../../server/src/service/guide/types';

type Check = (v: string) => string | undefined;
function table(name: string, check: Check, valid: string[], invalid: [string, RegExp][]) {
  describe(name, () => {
    for (const v of valid) it(`accepts ${JSON.stringify(v)}`, () => assert.equal(check(v), undefined));
    for (const [v, message] of invalid) {
      it(`rejects ${JSON.stringify(v)}`, () => {
        const error = check(v);
        assert.ok(error, 'an error message');
        assert.match(error, message);
      });
    }
  });
}

table(
  'validateName (Deployment)',
  (v) => validateName(v, 'Deployment'),
  ['api-server', 'a', 'web2', '0-start-digit', 'x'.repeat(63)],
  [
    ['', /Enter a name/],
    ['API-Server', /lower case: api-server/],
    ['api_server', /Use "-".*api-server/],
    ['api.server', /Use "-".*api-server/],
    ['-api', /DNS-1123/],
    ['api-', /DNS-1123/],
    ['api server', /DNS-1123/],
    ['x'.repeat(64), /At most 63 characters; this one has 64/],
  ],
);
table(
  'validateName (CronJob: 52 characters)',
  (v) => validateName(v, 'CronJob'),
  ['nightly-backup', 'x'.repeat(52)],
  [['x'.repeat(53), /at most 52 characters.*53/]],
);
table(
  'validateName (StatefulSet: its Service name must start with a letter)',
  (v) => validateName(v, 'StatefulSet' as WorkloadKind),
  ['postgres', 'db-0a'],
  [['0db', /Start with a letter/]],
);

table(
  'validateImage',
  validateImage,
  [
    'myapp:v1.0.0',
    'postgres:15',
    'qdrant/qdrant:v1.7.0',
    'registry.example.com/team/app:1.4.2',
    'localhost:5000/app:dev-1',
    'ghcr.io/org/sub/app:2024.01.02',
    'app@sha256:' + 'a'.repeat(64),
    'app:1.0@sha256:' + 'b'.repeat(64),
    'my_app__x:1',
  ],
  [
    ['', /Enter an image/],
    ['myapp', /Pin a version: myapp:<tag>/],
    ['registry.example.com/team/app', /Pin a version/],
    ['localhost:5000/app', /Pin a version/],
    ['myapp:latest', /instead of :latest/],
    ['MyApp:v1', /lower case/],
    ['my app:v1', /no spaces/],
    ['myapp:', /Not a valid image reference/],
    ['myapp:-bad', /Not a valid image reference/],
    ['/myapp:v1', /Not a valid image reference/],
  ],
);

table(
  'validatePositiveInteger',
  (v) => validatePositiveInteger(v, 'Replicas'),
  ['1', '3', ' 12 ', '2147483647'],
  [
    ['0', /at least 1/],
    ['-1', /at least 1/],
    ['1.5', /whole number/],
    ['three', /whole number/],
    ['', /whole number/],
    ['2147483648', /at most 2147483647/],
  ],
);
table(
  'validatePort',
  validatePort,
  ['80', '8000', '65535'],
  [
    ['0', /at least 1/],
    ['65536', /at most 65535/],
    ['http', /whole number/],
  ],
);

table(
  'validateStorageSize',
  validateStorageSize,
  ['10Gi', '500Mi', '1Ti', '1.5Gi', '100G', '1e9'],
  [
    ['', /Enter a size/],
    ['10GB', /did you mean 10Gi/],
    ['10gi', /did you mean 10Gi/],
    ['500mb', /did you mean 500Mi/],
    ['10 Gi', /not a Kubernetes quantity/],
    ['lots', /not a Kubernetes quantity/],
    ['0Gi', /greater than zero/],
    ['-1Gi', /greater than zero/],
    ['10m', /milli.*10Mi/],
  ],
);
table(
  'validateStorageClass',
  validateStorageClass,
  ['', 'standard', 'fast-ssd', 'ebs.csi.aws.com'],
  [
    ['Fast_SSD', /StorageClass name/],
    ['-x', /StorageClass name/],
  ],
);

describe('checkSchedule', () => {
  const valid: [string, RegExp][] = [
    ['0 2 * * *', /02:00/],
    ['*/15 * * * *', /15 minutes/],
    ['0 0 * * 0', /Sunday/],
    ['@daily', /./],
    ['  0 3 * * *  ', /03:00/],
  ];
  for (const [s, words] of valid) {
    it(`accepts "${s}" with a preview in words`, () => {
      const r = checkSchedule(s);
      assert.equal(r.error, undefined);
      assert.match(r.preview ?? '', words);
    });
  }
  const invalid: [string, RegExp][] = [
    ['', /Enter a schedule/],
    ['0 2 * *', /5 fields/],
    ['0 0 2 * * *', /seconds/],
    ['0 24 * * *', /hour/],
    ['61 * * * *', /minute/],
    ['@reboot', /descriptor/],
    ['TZ=Europe/Berlin 0 2 * * *', /spec\.timeZone/],
  ];
  for (const [s, message] of invalid) {
    it(`rejects "${s}" without a preview`, () => {
      const r = checkSchedule(s);
      assert.match(r.error ?? '', message);
      assert.equal(r.preview, undefined);
    });
  }
});
