// The project file `.k8s-workloads.yaml` read as a table: the text, what it sets, and each problem
// with the exact text its range covers, its code and its message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { configCodeActions, withProjectConfig } from '../../../server/src/service/config/index';
import { parseProjectConfig, formatConfigProblems } from '../../../server/src/service/config/parse';
import { getLanguageService } from '../../../server/src/service/index';

interface Row {
  name: string;
  text: string;
  config: Record<string, unknown>;
  /** [text covered, code, message (exact string or pattern)] */
  problems: [string, string, string | RegExp][];
}

const table: Row[] = [
  { name: 'empty file', text: '', config: {}, problems: [] },
  { name: 'only comments', text: '# nothing yet\n', config: {}, problems: [] },
  {
    name: 'every key valid',
    text: 'kubernetesVersion: "1.31"\nrules:\n  image-tag: error\n  run-as-non-root: off\ncustomResourceDefinitions:\n  - crds/\nignore:\n  - charts/**\n',
    config: {
      kubernetesVersion: '1.31',
      rules: { 'image-tag': 'error', 'run-as-non-root': 'off' },
      customResourceDefinitions: ['crds/'],
      ignore: ['charts/**'],
    },
    problems: [],
  },
  {
    name: 'an unquoted version is read as written (YAML would make 1.30 the number 1.3)',
    text: 'kubernetesVersion: 1.30\n',
    config: { kubernetesVersion: '1.30' },
    problems: [],
  },
  {
    name: 'a release the extension does not know',
    text: 'kubernetesVersion: "1.29"\n',
    config: {},
    problems: [
      [
        '"1.29"',
        'config-invalid-version',
        'Kubernetes "1.29" is not a release this extension knows: use 1.30, 1.31, 1.32, 1.33, 1.34 or 1.35.',
      ],
    ],
  },
  {
    name: 'a version of the wrong type',
    text: 'kubernetesVersion:\n  - "1.31"\n',
    config: {},
    problems: [['- "1.31"\n', 'config-wrong-type', 'kubernetesVersion must be a Kubernetes release like "1.35"; it is a list.']],
  },
  {
    name: 'a misspelled key, with the key it means',
    text: 'kubernetesVersoin: "1.31"\nrules: {}\n',
    config: { rules: {} },
    problems: [
      [
        'kubernetesVersoin',
        'config-unknown-key',
        'Unknown key "kubernetesVersoin" — did you mean "kubernetesVersion"? The keys are kubernetesVersion, rules, customResourceDefinitions or ignore.',
      ],
    ],
  },
  {
    name: 'a key far from every key',
    text: 'colour: blue\n',
    config: {},
    problems: [['colour', 'config-unknown-key', /^Unknown key "colour"\. The keys are/]],
  },
  {
    name: 'an unknown rule id and a bad severity; the valid entries still apply',
    text: 'rules:\n  job-deadlin: off\n  image-tag: loud\n  missing-resources: warn\n  dangling-service: hint\n',
    config: { rules: { 'dangling-service': 'hint' } },
    problems: [
      ['job-deadlin', 'config-unknown-rule', 'Unknown rule "job-deadlin" — did you mean "job-deadline"? It is ignored.'],
      [
        'loud',
        'config-invalid-severity',
        '"loud" is not a severity: use error, warning, information, hint or off. The rule keeps its default.',
      ],
      [
        'warn',
        'config-invalid-severity',
        '"warn" is not a severity: use error, warning, information, hint or off (did you mean "warning"?). The rule keeps its default.',
      ],
    ],
  },
  {
    name: 'a rule without a severity',
    text: 'rules:\n  image-tag:\n',
    config: { rules: {} },
    problems: [
      [
        'image-tag',
        'config-invalid-severity',
        '"image-tag" needs a severity: error, warning, information, hint or off. The rule keeps its default.',
      ],
    ],
  },
  {
    name: 'a quoted severity is fine, `info` means information',
    text: 'rules:\n  image-tag: "hint"\n  job-ttl: info\n',
    config: { rules: { 'image-tag': 'hint' } },
    problems: [['info', 'config-invalid-severity', /did you mean "information"\?/]],
  },
  {
    name: 'rules as a list',
    text: 'rules:\n  - image-tag\n',
    config: {},
    problems: [
      ['- image-tag\n', 'config-wrong-type', 'rules must be a mapping of rule ids to severities, like "image-tag: off"; it is a list.'],
    ],
  },
  {
    name: 'lists given as a string, and items that are not paths',
    text: 'ignore: charts/**\ncustomResourceDefinitions:\n  - crds/\n  - 12\n  - true\n  -\n',
    config: { customResourceDefinitions: ['crds/', '12'] },
    problems: [
      [
        'charts/**',
        'config-wrong-type',
        'ignore must be a list of globs of files not to check, one "- " item a line like "- charts/**"; it is a string.',
      ],
      ['true', 'config-wrong-type', 'Each item of customResourceDefinitions must be a path or glob; this one is a boolean.'],
      ['-', 'config-wrong-type', 'Each item of customResourceDefinitions must be a path or glob; this one is nothing.'],
    ],
  },
  {
    name: 'an exception pattern in ignore',
    text: 'ignore:\n  - "*.yaml"\n  - "!keep.yaml"\n',
    config: { ignore: ['*.yaml'] },
    problems: [['"!keep.yaml"', 'config-wrong-type', /not supported/]],
  },
  {
    name: 'the file is a list',
    text: '- rules\n',
    config: {},
    problems: [
      [
        '- rules\n',
        'config-wrong-type',
        '.k8s-workloads.yaml must be a mapping of kubernetesVersion, rules, customResourceDefinitions or ignore; it holds a list.',
      ],
    ],
  },
  {
    name: 'a duplicate key',
    text: 'rules:\n  image-tag: off\nrules:\n  job-ttl: off\n',
    config: { rules: { 'job-ttl': 'off' } },
    problems: [['r', 'config-yaml-syntax', /Map keys must be unique/]],
  },
  {
    name: 'broken YAML never throws, and what can be read still applies',
    text: 'kubernetesVersion: "1.32"\nrules: [image-tag: off\n',
    config: { kubernetesVersion: '1.32' },
    problems: [['', 'config-yaml-syntax', /./]],
  },
];

describe('parseProjectConfig', () => {
  for (const row of table) {
    it(row.name, () => {
      const { config, problems } = parseProjectConfig(row.text);
      const got = problems.map((p) => [row.text.slice(p.start, p.end), p.code, p.message] as const);
      assert.equal(got.length, row.problems.length, JSON.stringify(got));
      row.problems.forEach(([covered, code, message], i) => {
        // a syntax error's range is the parser's; the others are exact
        if (code !== 'config-yaml-syntax' || covered) assert.equal(got[i][0], covered, `range of problem ${i}`);
        assert.equal(got[i][1], code);
        if (typeof message === 'string') assert.equal(got[i][2], message);
        else assert.match(got[i][2], message);
      });
      if (!row.problems.some((p) => p[1] === 'config-yaml-syntax')) assert.deepEqual(config, row.config);
      else for (const [k, v] of Object.entries(row.config)) assert.deepEqual((config as Record<string, unknown>)[k], v);
    });
  }

  it('never throws on arbitrary text', () => {
    for (const text of ['{', ']]', ':::', '\t- x', 'rules:\n\t- a', '"', '&a *a', '!!binary x', 'a: *x', '\u0000', '---\n---\n']) {
      assert.doesNotThrow(() => parseProjectConfig(text), text);
    }
  });
});

describe('project file diagnostics and quick fixes through the language service', () => {
  const service = getLanguageService();
  const doc = (text: string, name = '.k8s-workloads.yaml') => TextDocument.create(`file:///repo/${name}`, 'yaml', 1, text);

  it('a document named .k8s-workloads.yaml gets the config diagnostics, never the manifest rules', () => {
    const text = 'apiVersion: v1\nkind: Pod\nrules:\n  image-tagg: off\n';
    const ds = service.doValidation(doc(text));
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.source, d.range]),
      [
        ['config-unknown-key', 1, 'k8s-workloads', { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } }],
        ['config-unknown-key', 1, 'k8s-workloads', { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }],
        ['config-unknown-rule', 1, 'k8s-workloads', { start: { line: 3, character: 2 }, end: { line: 3, character: 12 } }],
      ],
    );
    // the same text in another file is a manifest
    assert.ok(service.doValidation(doc(text, 'pod.yaml')).every((d) => !String(d.code).startsWith('config-')));
    assert.deepEqual(service.findDocumentSymbols(doc(text)), []);
    assert.deepEqual(service.getCodeLenses(doc(text)), []);
  });

  it('offers the "did you mean" word as a quick fix that replaces exactly the culprit', () => {
    const document = doc('rules:\n  image-tagg: warn\n');
    const diagnostics = service.doValidation(document);
    const actions = service.getCodeActions(document, { range: diagnostics[0].range, diagnostics });
    assert.deepEqual(
      actions.map((a) => [a.title, a.edit?.changes?.[document.uri]?.[0].newText]),
      [['Change to "image-tag"', 'image-tag']],
    );
    // the severity is checked only for a known rule: fixed id, then the severity
    const fixed = doc('rules:\n  image-tag: warn\n');
    const again = service.doValidation(fixed);
    const edits = configCodeActions(fixed, again).map((a) => a.edit!.changes![fixed.uri][0]);
    const newText = TextDocument.applyEdits(fixed, edits);
    assert.equal(newText, 'rules:\n  image-tag: warning\n');
    assert.deepEqual(service.doValidation(doc(newText)), []);
    assert.deepEqual(service.getCodeActions(fixed, { range: again[0].range, diagnostics: again, only: ['source.fixAll'] }), []);
  });

  it('formats problems as file:line:col lines for the command line', () => {
    const text = 'rules:\n  image-tagg: off\n';
    assert.deepEqual(formatConfigProblems('.k8s-workloads.yaml', text, parseProjectConfig(text).problems), [
      '.k8s-workloads.yaml:2:3: Unknown rule "image-tagg" — did you mean "image-tag"? It is ignored. (config-unknown-rule)',
    ]);
  });
});

describe('withProjectConfig: the project file wins over the settings', () => {
  const table: {
    name: string;
    settings: Record<string, unknown>;
    config: Record<string, unknown> | undefined;
    want: Record<string, unknown>;
  }[] = [
    {
      name: 'no file',
      settings: { rules: { a: 'off' }, kubernetesVersion: '1.33' },
      config: undefined,
      want: { rules: { a: 'off' }, kubernetesVersion: '1.33' },
    },
    {
      name: 'rules combine per id, the file winning',
      settings: { rules: { 'image-tag': 'off', 'job-ttl': 'error' } },
      config: { rules: { 'image-tag': 'error' } },
      want: { rules: { 'image-tag': 'error', 'job-ttl': 'error' } },
    },
    {
      name: 'the file’s version wins; without one the setting stays',
      settings: { kubernetesVersion: '1.33', inlayHints: { cronSchedule: false } },
      config: { kubernetesVersion: '1.30' },
      want: { kubernetesVersion: '1.30', rules: {}, inlayHints: { cronSchedule: false } },
    },
    {
      name: 'a file without a version',
      settings: { kubernetesVersion: '1.33' },
      config: {},
      want: { kubernetesVersion: '1.33', rules: {} },
    },
  ];
  for (const row of table)
    it(row.name, () => {
      assert.deepEqual(withProjectConfig(row.settings, row.config as never), row.want);
    });
});
