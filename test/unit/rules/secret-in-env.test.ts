import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { looksLikeSecretName } from '../../../server/src/service/rules/secret-in-env';
import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const pod = (env: string) => `apiVersion: v1
kind: Pod
metadata:
  name: sync
spec:
  containers:
  - name: sync
    image: sync:1.0.0
    env:
${env}
`;

/** Names that hold a secret: every secret word, and the words after one that still name it. */
const SECRET_NAMES = [
  'GPG_PASSPHRASE',
  'SIGNING_KEY_VALUE',
  'TLS_KEY_DATA',
  'DB_PASSWORD_STRING',
  'DB_PASSWORD_STR',
  'API_TOKEN_B64',
  'CLIENT_SECRET_BASE64',
  'CACHE_PASSWORD',
  'PUBLIC_TOKEN',
  'oauth2Token',
  'API_KEY_',
];
/** KEY after a word that makes it an identifier, and a switch word before the secret word: settings, not secrets. */
const NOT_SECRET_NAMES = [
  ...['SORT', 'PARTITION', 'PRIMARY', 'ROUTING', 'SHARD', 'GROUP', 'LABEL', 'FOREIGN', 'LOOKUP', 'INDEX', 'MAP'].map((w) => `${w}_KEY`),
  ...['ALLOW', 'ENABLE', 'DISABLE', 'REQUIRE', 'USE', 'SKIP', 'NO', 'RANDOM', 'GENERATE', 'ONETIME'].map((w) => `MYSQL_${w}_ROOT_PASSWORD`),
];

describe('secret-in-env looksLikeSecretName', () => {
  const secret = [
    'API_KEY',
    'OPENAI_API_KEY',
    'DB_PASSWORD',
    'GITHUB_TOKEN',
    'CLIENT_SECRET',
    'SECRET',
    'apiKey',
    'db-password',
    'SECRET_KEY_BASE',
    'APIKEY',
    'SMTP_PASSWD',
  ];
  const notSecret = [
    'KEYBOARD_LAYOUT',
    'MONKEY',
    'TOKEN_ENDPOINT',
    'PASSWORD_FILE',
    'SECRET_NAME',
    'CACHE_KEY',
    'PUBLIC_KEY',
    'MAX_TOKENS',
    'KEY_PREFIX',
    'AWS_ACCESS_KEY_ID',
    'VECTOR_DB_URL',
  ];
  for (const n of secret) it(`${n} is a secret name`, () => assert.equal(looksLikeSecretName(n), true));
  for (const n of notSecret) it(`${n} is not`, () => assert.equal(looksLikeSecretName(n), false));
});

ruleTable('secret-in-env', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'secretKeyRef', text: pod('    - name: DB_PASSWORD\n      valueFrom:\n        secretKeyRef: {name: db, key: password}') },
    { name: 'not a secret name', text: pod('    - name: KEYBOARD_LAYOUT\n      value: us') },
    { name: 'empty value', text: pod('    - name: API_TOKEN\n      value: ""') },
    { name: 'a reference to another variable', text: pod('    - name: DB_PASSWORD\n      value: $(POSTGRES_PASSWORD)') },
    { name: 'a flag', text: pod('    - name: REQUIRE_TOKEN\n      value: "false"') },
    {
      name: 'a switch value (the MySQL example\'s MYSQL_ALLOW_EMPTY_PASSWORD: "1")',
      text: pod('    - name: MYSQL_ALLOW_EMPTY_PASSWORD\n      value: "1"'),
    },
    ...NOT_SECRET_NAMES.map((n) => ({ name: `${n} with a value`, text: pod(`    - name: ${n}\n      value: enabled`) })),
    ...['true', 'FALSE', 'Yes', 'no', 'ON', 'off', '0', '" 1 "'].map((v) => ({
      name: `a switch value ${v}`,
      text: pod(`    - name: API_TOKEN\n      value: ${v}`),
    })),
    { name: 'two references to other variables', text: pod('    - name: DB_PASSWORD\n      value: $(PREFIX) $(SUFFIX)') },
    { name: 'a number is not a string value (invalid-value reports it)', text: pod('    - name: DB_PASSWORD\n      value: 12345') },
    {
      name: 'env items that are not name/value mappings',
      text: pod('    -\n    - DB_PASSWORD=hunter2\n    - name: 5\n      value: hunter2\n    - name: DB_PASSWORD'),
    },
  ],
  invalid: [
    {
      name: 'a literal password becomes a secretKeyRef',
      text: pod('    - name: «DB_PASSWORD»  # from the wiki\n      value: hunter2\n    - name: DB_USER\n      value: app'),
      messageId: 'literal',
      message:
        'env DB_PASSWORD in container sync looks like a secret but its value is written in the manifest — read it from a Secret with valueFrom.secretKeyRef.',
      fix: 'Read DB_PASSWORD from a Secret (valueFrom.secretKeyRef)',
      output: pod(
        '    - name: DB_PASSWORD  # from the wiki\n      valueFrom:\n        secretKeyRef:\n          name: sync-secrets\n          key: db-password\n    - name: DB_USER\n      value: app',
      ),
      // with snippet edits the Secret's name and key are tab stops
      snippet: pod(
        '    - name: DB_PASSWORD  # from the wiki\n      valueFrom:\n        secretKeyRef:\n          name: ${1:sync-secrets}\n          key: ${2:db-password}\n    - name: DB_USER\n      value: app',
      ),
    },
    {
      name: 'value before name',
      text: pod('    - value: sk-123\n      name: «OPENAI_API_KEY»'),
      messageId: 'literal',
      output: pod(
        '    - name: OPENAI_API_KEY\n      valueFrom:\n        secretKeyRef:\n          name: sync-secrets\n          key: openai-api-key',
      ),
    },
    {
      name: 'flow-style env item',
      text: pod('    - {name: «apiToken», value: abc}'),
      messageId: 'literal',
      message: /^env apiToken in container sync looks like a secret/,
      output: pod('    - {name: apiToken, valueFrom: {secretKeyRef: {name: sync-secrets, key: api-token}}}'),
    },
    ...SECRET_NAMES.map((n) => ({
      name: `${n} is a secret name`,
      text: pod(`    - name: «${n}»\n      value: hunter2`),
      messageId: 'literal',
      message: `env ${n} in container sync looks like a secret but its value is written in the manifest — read it from a Secret with valueFrom.secretKeyRef.`,
    })),
    ...['pass1', '1a2b3c', 'trueblue', '$(DB_USER)hunter2'].map((v) => ({
      name: `a value that only starts or ends like a switch or a reference: ${v}`,
      text: pod(`    - name: «API_TOKEN»\n      value: ${v}`),
      messageId: 'literal',
    })),
    {
      name: 'an unnamed Pod: the Secret is app-secrets; a container without a name is named by its place',
      text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: web:1.0\n  - image: sync:1.0.0\n    env:\n    - name: «API_KEY»\n      value: sk-123\n',
      messageId: 'literal',
      message:
        'env API_KEY in container #2 looks like a secret but its value is written in the manifest — read it from a Secret with valueFrom.secretKeyRef.',
      fixes: ['Read API_KEY from a Secret (valueFrom.secretKeyRef)'],
      output:
        'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: web:1.0\n  - image: sync:1.0.0\n    env:\n    - name: API_KEY\n      valueFrom:\n        secretKeyRef:\n          name: app-secrets\n          key: api-key\n',
    },
  ],
});

it('secret-in-env: the fix carries tab stops for the Secret name and key', () => {
  const service = getLanguageService();
  const doc = TextDocument.create('file:///s.yaml', 'yaml', 1, pod('    - name: DB_PASSWORD\n      value: x'));
  const results = service.ruleResults(doc).filter((r) => r.rule.meta.id === 'secret-in-env');
  assert.equal(results.length, 1);
  const fix = results[0].report.fixes?.[0];
  assert.equal(fix?.safe, undefined);
  assert.deepEqual(
    fix?.snippet?.map((e) => e.newText),
    ['      valueFrom:\n        secretKeyRef:\n          name: ${1:sync-secrets}\n          key: ${2:db-password}\n'],
  );
});
