// The injection grammar, tokenized inside a YAML grammar the way VS Code does: the scopes themes see.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import {
  findInstalledVsCodeYamlSyntaxes,
  VSCODE_YAML_SYNTAXES,
  INJECTION_PATH,
  INJECTION_SCOPE,
  loadYamlGrammar,
  tokenize,
  tokensOf,
  type Token,
} from './tokenize';

const S = '.k8s-workloads';

interface Case {
  name: string;
  /** the YAML; the line under test is the one containing `needle` (the first such line) */
  text: string;
  needle: string;
  /** the scope every token of the needle has, and (when `whole`) the needle is exactly those tokens */
  scope: string;
  /** false: the needle must NOT carry the scope */
  has?: boolean;
}

const cases: Case[] = [
  // kind
  {
    name: 'workload kind',
    text: 'apiVersion: apps/v1\nkind: Deployment\n',
    needle: 'Deployment',
    scope: `entity.name.type.kind.workload${S}`,
  },
  ...['StatefulSet', 'DaemonSet', 'Job', 'CronJob'].map((k) => ({
    name: `workload kind ${k}`,
    text: `kind: ${k}`,
    needle: k,
    scope: `entity.name.type.kind.workload${S}`,
  })),
  ...['Service', 'Pod', 'ConfigMap', 'Secret', 'PersistentVolumeClaim'].map((k) => ({
    name: `core kind ${k}`,
    text: `kind: ${k}`,
    needle: k,
    scope: `entity.name.type.kind.core${S}`,
  })),
  { name: 'custom resource kind', text: 'kind: Certificate', needle: 'Certificate', scope: `entity.name.type.kind.other${S}` },
  { name: 'the kind key keeps the YAML key scope', text: 'kind: Deployment', needle: 'kind', scope: 'entity.name.tag.yaml' },
  {
    name: 'the colon keeps the YAML separator scope',
    text: 'kind: Deployment',
    needle: ':',
    scope: 'punctuation.separator.key-value.mapping.yaml',
  },
  {
    name: 'kind with a trailing comment',
    text: 'kind: StatefulSet  # ordered pods',
    needle: 'StatefulSet',
    scope: `entity.name.type.kind.workload${S}`,
  },
  {
    name: 'the trailing comment stays a comment',
    text: 'kind: StatefulSet  # ordered pods',
    needle: 'ordered',
    scope: 'comment.line.number-sign.yaml',
  },
  { name: 'kind inside a sequence item', text: 'items:\n  - kind: Job\n', needle: 'Job', scope: `entity.name.type.kind.workload${S}` },
  {
    name: 'nested kind (scaleTargetRef)',
    text: 'spec:\n  scaleTargetRef:\n    kind: Deployment\n',
    needle: 'Deployment',
    scope: `entity.name.type.kind.workload${S}`,
  },
  {
    name: 'a prefix of a kind is not a kind',
    text: 'kind: Deploymentx',
    needle: 'Deploymentx',
    scope: `entity.name.type.kind.workload${S}`,
    has: false,
  },
  { name: 'lower-case value is not a kind', text: 'kind: deployment', needle: 'deployment', scope: `entity.name.type.kind`, has: false },
  {
    name: 'a key ending in kind is not kind',
    text: 'subkind: Deployment',
    needle: 'Deployment',
    scope: 'entity.name.type.kind',
    has: false,
  },
  { name: 'kind in a comment is not marked', text: '# kind: Deployment', needle: 'Deployment', scope: 'entity.name.type.kind', has: false },
  {
    name: 'kind inside a block scalar is not marked',
    text: 'data:\n  manifest: |\n    kind: Deployment\n',
    needle: 'Deployment',
    scope: 'entity.name.type.kind',
    has: false,
  },
  { name: 'double-quoted kind', text: 'kind: "StatefulSet"', needle: 'StatefulSet', scope: `entity.name.type.kind.workload${S}` },
  {
    name: 'double-quoted kind keeps the string scope',
    text: 'kind: "StatefulSet"',
    needle: 'StatefulSet',
    scope: 'string.quoted.double.yaml',
  },
  { name: 'single-quoted core kind', text: "kind: 'Service'", needle: 'Service', scope: `entity.name.type.kind.core${S}` },
  { name: 'opening quote of a quoted kind', text: 'kind: "Job"', needle: '"', scope: 'punctuation.definition.string.begin.yaml' },
  // apiVersion
  { name: 'apiVersion group', text: 'apiVersion: apps/v1', needle: 'apps', scope: `entity.name.namespace.api-group${S}` },
  { name: 'apiVersion slash', text: 'apiVersion: apps/v1', needle: '/', scope: `punctuation.separator.api-group${S}` },
  { name: 'apiVersion version', text: 'apiVersion: batch/v1', needle: 'v1', scope: `constant.other.api-version${S}` },
  { name: 'apiVersion whole value', text: 'apiVersion: batch/v1', needle: 'batch/v1', scope: `support.type.api-version${S}` },
  { name: 'core apiVersion', text: 'apiVersion: v1', needle: 'v1', scope: `constant.other.api-version${S}` },
  {
    name: 'dotted group with beta version',
    text: 'apiVersion: networking.k8s.io/v1beta1',
    needle: 'networking.k8s.io',
    scope: `entity.name.namespace.api-group${S}`,
  },
  { name: 'beta version', text: 'apiVersion: networking.k8s.io/v1beta1', needle: 'v1beta1', scope: `constant.other.api-version${S}` },
  { name: 'double-quoted apiVersion', text: 'apiVersion: "apps/v1"', needle: 'apps', scope: `entity.name.namespace.api-group${S}` },
  { name: 'single-quoted core apiVersion', text: "apiVersion: 'v1'", needle: 'v1', scope: `constant.other.api-version${S}` },
  {
    name: 'an apiVersion that is not one is not marked',
    text: 'apiVersion: latest',
    needle: 'latest',
    scope: 'constant.other.api-version',
    has: false,
  },
  // schedule: each field its own scope, in every quoting style
  ...(['"0 2 * * *"', "'0 2 * * *'", '0 2 * * *'] as const).flatMap((v) =>
    (
      [
        ['0', 'minute'],
        ['2', 'hour'],
      ] as const
    ).map(([needle, field]) => ({
      name: `schedule ${v}: ${field}`,
      text: `  schedule: ${v}`,
      needle,
      scope: `constant.numeric.cron.${field}${S}`,
    })),
  ),
  {
    name: 'schedule day-of-month / month / day-of-week are separate scopes',
    text: 'schedule: "*/15 9-17 1,15 JAN MON-FRI"',
    needle: 'JAN',
    scope: `constant.numeric.cron.month${S}`,
  },
  {
    name: 'schedule day-of-month',
    text: 'schedule: "*/15 9-17 1,15 JAN MON-FRI"',
    needle: '1,15',
    scope: `constant.numeric.cron.day-of-month${S}`,
  },
  {
    name: 'schedule day-of-week',
    text: 'schedule: "*/15 9-17 1,15 JAN MON-FRI"',
    needle: 'MON-FRI',
    scope: `constant.numeric.cron.day-of-week${S}`,
  },
  { name: 'schedule hour range', text: 'schedule: "*/15 9-17 1,15 JAN MON-FRI"', needle: '9-17', scope: `constant.numeric.cron.hour${S}` },
  { name: 'cron step operator', text: 'schedule: "*/15 * * * *"', needle: '/', scope: `keyword.operator.step.cron${S}` },
  { name: 'cron wildcard', text: 'schedule: "*/15 * * * *"', needle: '*', scope: `keyword.operator.wildcard.cron${S}` },
  { name: 'cron range operator', text: 'schedule: "0 9 * * MON-FRI"', needle: '-', scope: `keyword.operator.range.cron${S}` },
  { name: 'cron list separator', text: 'schedule: "0 0 1,15 * *"', needle: ',', scope: `punctuation.separator.list.cron${S}` },
  { name: 'quoted schedule keeps the string scope', text: 'schedule: "0 3 * * *"', needle: '3', scope: 'string.quoted.double.yaml' },
  { name: 'quoted schedule opening quote', text: 'schedule: "0 3 * * *"', needle: '"', scope: 'punctuation.definition.string.begin.yaml' },
  { name: 'schedule @daily macro', text: 'schedule: "@daily"', needle: '@daily', scope: `constant.language.cron.macro${S}` },
  { name: 'schedule @hourly plain', text: 'schedule: @hourly', needle: '@hourly', scope: `constant.language.cron.macro${S}` },
  {
    name: 'schedule with trailing comment',
    text: 'schedule: "0 3 * * *"  # 3 AM daily',
    needle: '3',
    scope: `constant.numeric.cron.hour${S}`,
  },
  { name: 'a 4-field schedule gets no cron scopes', text: 'schedule: "0 3 * *"', needle: '3', scope: 'constant.numeric.cron', has: false },
  // other values worth a colour
  { name: 'headless clusterIP None', text: 'spec:\n  clusterIP: None\n', needle: 'None', scope: `constant.language.headless-service${S}` },
  {
    name: 'clusterIP address is not headless',
    text: 'clusterIP: 10.0.0.1',
    needle: '10.0.0.1',
    scope: 'constant.language.headless-service',
    has: false,
  },
  ...['Allow', 'Forbid', 'Replace'].map((p) => ({
    name: `concurrencyPolicy ${p}`,
    text: `  concurrencyPolicy: ${p}`,
    needle: p,
    scope: `constant.language.concurrency-policy${S}`,
  })),
  { name: 'restartPolicy', text: '      restartPolicy: OnFailure', needle: 'OnFailure', scope: `constant.language.restart-policy${S}` },
  {
    name: 'completionMode',
    text: '  completionMode: Indexed  # JOB_COMPLETION_INDEX',
    needle: 'Indexed',
    scope: `constant.language.completion-mode${S}`,
  },
  {
    name: 'podManagementPolicy',
    text: '  podManagementPolicy: Parallel',
    needle: 'Parallel',
    scope: `constant.language.pod-management-policy${S}`,
  },
  {
    name: 'imagePullPolicy',
    text: '  imagePullPolicy: IfNotPresent',
    needle: 'IfNotPresent',
    scope: `constant.language.image-pull-policy${S}`,
  },
  {
    name: 'unknown enum value is not marked',
    text: 'concurrencyPolicy: Sometimes',
    needle: 'Sometimes',
    scope: 'constant.language.concurrency-policy',
    has: false,
  },
];

function lineWith(lines: Token[][], needle: string): Token[] {
  const line = lines.find((l) =>
    l
      .map((t) => t.text)
      .join('')
      .includes(needle),
  );
  if (!line) throw new Error(`no line contains "${needle}"`);
  return line;
}
const hasScope = (t: Token, scope: string) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.'));

function run(label: string, load: () => Promise<IGrammar>) {
  describe(`injection grammar inside ${label}`, () => {
    let grammar: IGrammar;
    before(async () => {
      grammar = await load();
    });
    for (const c of cases) {
      it(c.name, () => {
        const tokens = tokensOf(lineWith(tokenize(grammar, c.text), c.needle), c.needle);
        const describeTokens = JSON.stringify(tokens.map((t) => [t.text, t.scopes.slice(1)]));
        if (c.has === false) {
          assert.ok(!tokens.some((t) => hasScope(t, c.scope)), `"${c.needle}" must not carry ${c.scope}: ${describeTokens}`);
        } else {
          assert.ok(
            tokens.length > 0 && tokens.every((t) => hasScope(t, c.scope)),
            `"${c.needle}" should carry ${c.scope}: ${describeTokens}`,
          );
        }
      });
    }
    it('marks each cron field of one schedule with a different scope, and the fields exactly', () => {
      const [line] = tokenize(grammar, 'schedule: "5 4 3 2 1"');
      const fieldScopes = ['5', '4', '3', '2', '1'].map((d) => {
        const ts = tokensOf(
          line,
          d,
          line
            .map((t) => t.text)
            .join('')
            .indexOf('"'),
        );
        assert.equal(ts.length, 1);
        assert.equal(ts[0].text, d, 'a field is one token of its own');
        return ts[0].scopes.find((s) => s.startsWith('constant.numeric.cron.'));
      });
      assert.deepEqual(
        fieldScopes,
        ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'].map((f) => `constant.numeric.cron.${f}${S}`),
      );
    });
    it('leaves the following lines to the YAML grammar', () => {
      const lines = tokenize(grammar, 'kind: CronJob\nmetadata:\n  name: backup\n');
      assert.ok(tokensOf(lines[1], 'metadata').every((t) => hasScope(t, 'entity.name.tag.yaml')));
      assert.ok(tokensOf(lines[2], 'backup').every((t) => hasScope(t, 'string.unquoted.plain.out.yaml')));
    });
  });
}

run('the fixture YAML grammar', () => loadYamlGrammar());

run(`VS Code's YAML grammar (${VSCODE_YAML_SYNTAXES})`, () => loadYamlGrammar(VSCODE_YAML_SYNTAXES));

// The copy in fixtures/ must be the grammar of the VS Code the integration tests run in; this
// comparison exists only where that host is installed (the copy itself needs no host).
const installed = findInstalledVsCodeYamlSyntaxes();
if (installed && !process.env.K8S_WORKLOADS_YAML_SYNTAXES) {
  describe("the fixture copy of VS Code's YAML grammar", () => {
    it(`equals the installed test host's (${installed})`, () => {
      const names = (dir: string) =>
        readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort();
      assert.deepEqual(names(VSCODE_YAML_SYNTAXES), names(installed));
      for (const f of names(installed))
        assert.equal(readFileSync(join(VSCODE_YAML_SYNTAXES, f), 'utf8'), readFileSync(join(installed, f), 'utf8'), f);
    });
  });
}

describe('package.json grammar contribution', () => {
  it('injects the grammar file into source.yaml', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const entry = pkg.contributes.grammars.find((g) => g.scopeName === INJECTION_SCOPE);
    assert.ok(entry, 'a grammars entry for the injection scope');
    assert.deepEqual(entry.injectTo, ['source.yaml']);
    assert.equal(join(__dirname, '..', '..', entry.path), INJECTION_PATH);
    const grammar = JSON.parse(readFileSync(INJECTION_PATH, 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(grammar.scopeName, INJECTION_SCOPE);
    assert.match(grammar.injectionSelector, /source\.yaml/);
  });
});
