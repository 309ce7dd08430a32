import { ruleTable } from '../helpers/ruleTester';

const configMap = (body: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: web
${body}
`;
const secret = (body: string) => `apiVersion: v1
kind: Secret
metadata:
  name: web
${body}
`;

ruleTable('invalid-data-key', {
  valid: [
    { name: 'file names and env-style keys', text: configMap('data:\n  app.yaml: "a: 1"\n  LOG_LEVEL: debug\n  .hidden: x\n  a..b: y') },
    { name: 'binaryData apart from data', text: configMap('data:\n  a: x\nbinaryData:\n  b: eA==') },
    { name: 'a number key is the string "1"', text: configMap('data:\n  1: x') },
    {
      name: 'keys named like Object.prototype members are valid keys',
      text: configMap('data:\n  constructor: a\n  toString: b\n  __proto__: c\n  hasOwnProperty: d'),
    },
    {
      name: 'Secret stringData may repeat a data key (it wins)',
      text: secret('data:\n  password: cGFzcw==\nstringData:\n  password: pass'),
    },
    { name: '253 characters', text: configMap(`data:\n  ${'a'.repeat(253)}: x`) },
  ],
  invalid: [
    {
      name: 'a path as a key: renamed',
      text: configMap('data:\n  «conf/app.yaml»: | # the config\n    port: 8080'),
      messageId: 'badChars',
      message:
        'Key "conf/app.yaml" in data is not a valid config key: only letters, digits, "-", "_" and "." are allowed — a key cannot be a path: set the path with items[].path where the volume is mounted.',
      fix: 'Rename the key to conf-app.yaml',
      fixes: ['Rename the key to conf-app.yaml'],
      preferred: true,
      safe: false,
      output: configMap('data:\n  conf-app.yaml: | # the config\n    port: 8080'),
    },
    {
      name: 'a space in a Secret stringData key, quoted',
      text: secret('stringData:\n  «"api key"»: x'),
      messageId: 'badChars',
      message: 'Key "api key" in stringData is not a valid config key: only letters, digits, "-", "_" and "." are allowed.',
      output: secret('stringData:\n  api-key: x'),
    },
    {
      name: 'a rename that would collide is not offered',
      text: configMap('data:\n  «a b»: x\n  a-b: y'),
      messageId: 'badChars',
      fixes: [],
    },
    {
      name: 'runs of bad characters become one dash, none at the ends',
      text: configMap('data:\n  «"/etc//app conf/"»: x'),
      messageId: 'badChars',
      fixes: ['Rename the key to etc-app-conf'],
    },
    {
      name: 'leading dots are dropped from the new name',
      text: configMap('data:\n  «"...a b"»: x'),
      messageId: 'badChars',
      fixes: ['Rename the key to a-b'],
    },
    {
      name: 'nothing left to name the key: no rename',
      text: configMap('data:\n  «"//"»: x'),
      messageId: 'badChars',
      fixes: [],
    },
    {
      name: 'a key that is just a dot',
      text: configMap('data:\n  «"."»: x'),
      messageId: 'dots',
    },
    {
      name: 'Secret data key starting with ..',
      text: secret('data:\n  «..data»: eA=='),
      messageId: 'dots',
      message: 'Key "..data" in data is not a valid config key: it may not be "." or "..", nor start with "..".',
    },
    {
      name: 'longer than 253 characters',
      text: configMap(`binaryData:\n  «${'b'.repeat(254)}»: eA==`),
      messageId: 'tooLong',
      message: `Key "${'b'.repeat(40)}…" in binaryData has 254 characters: config keys may have at most 253.`,
    },
    {
      name: 'a key in both data and binaryData',
      text: configMap('data:\n  logo: x\nbinaryData:\n  «logo»: eA=='),
      messageId: 'duplicate',
      message: 'Key "logo" is in both data and binaryData: a ConfigMap key may be in only one of them.',
    },
  ],
});
