// Completion at many cursor positions: exact labels and order, the text after accepting an item
// (plain text and snippets), kinds that fix apiVersion, guide values, skeletons in empty documents.
import assert from 'node:assert/strict';
import { testApi } from '../helpers/api';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerValueCompletionProvider } from '../../../server/src/service/completion/values';
import { KEY_COMPLETION_PROVIDERS } from '../../../server/src/service/completion/keys';
import { doComplete } from '../../../server/src/service/completion/index';
import { getLanguageService, WorkspaceIndex } from '../../../server/src/service/index';
import { ManifestParser } from '../../../server/src/service/manifest/parse';
import { applyItem, complete, item } from './complete';

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const POD_SPEC = `${DEPLOY}spec:\n  template:\n    spec:\n`;
const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n';
const JOB_POD_SPEC = `${JOB}spec:\n  template:\n    spec:\n`;

describe('key completion', () => {
  it('offers the fields of Deployment.spec, required first, while the key is typed (`spec:\\n  rep`)', () => {
    const { labels, items, document } = complete(`${DEPLOY}spec:\n  rep‸\n`);
    assert.deepEqual(labels, [
      'selector',
      'template',
      'minReadySeconds',
      'paused',
      'progressDeadlineSeconds',
      'replicas',
      'revisionHistoryLimit',
      'strategy',
    ]);
    assert.equal(item(items, 'selector').detail, 'object (LabelSelector) · required');
    assert.equal(item(items, 'replicas').detail, 'integer (int32)');
    const doc = item(items, 'replicas').documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /`Deployment\.spec\.replicas`/);
    assert.match(doc.value, /Number of desired pods/);
    assert.equal(applyItem(document, item(items, 'replicas')), `${DEPLOY}spec:\n  replicas: \n`);
  });

  it('leaves out keys the mapping already has, above and below the cursor', () => {
    const { labels } = complete(`${DEPLOY}spec:\n  replicas: 2\n  ‸\n  selector:\n    matchLabels: {app: web}\n`);
    assert.ok(!labels.includes('replicas') && !labels.includes('selector'));
    assert.equal(labels[0], 'template');
  });

  it('completes a container key after its first key (`- name: x\\n  ima`) — image first, as required', () => {
    const { labels, items, document } = complete(`${POD_SPEC}      containers:\n      - name: x\n        ima‸\n`);
    assert.equal(labels[0], 'image');
    assert.ok(!labels.includes('name'));
    assert.equal(applyItem(document, item(items, 'image')), `${POD_SPEC}      containers:\n      - name: x\n        image: \n`);
  });

  it('inserts an object key with a new indented line (plain text)', () => {
    const { items, document } = complete(`${DEPLOY}spec:\n  str‸\n`);
    const it = item(items, 'strategy');
    assert.equal(applyItem(document, it), `${DEPLOY}spec:\n  strategy:\n    \n`);
    assert.equal(it.insertTextFormat, 1);
    assert.equal(it.insertTextMode, 1, 'indentation is absolute: the client must not re-indent');
  });

  it('inserts an object key as a snippet when the client supports snippets', () => {
    const { items, document } = complete(`${DEPLOY}spec:\n  str‸\n`, { snippetSupport: true });
    const it = item(items, 'strategy');
    assert.equal(it.insertTextFormat, 2);
    assert.equal(applyItem(document, it), `${DEPLOY}spec:\n  strategy:\n    $0\n`);
  });

  it('inserts a list of objects with `- ` and the first required key (indented style)', () => {
    const { items, document } = complete(`${POD_SPEC}      cont‸\n`);
    assert.equal(applyItem(document, item(items, 'containers')), `${POD_SPEC}      containers:\n        - name: \n`);
  });

  it('starts a new object with its first required key, and metadata with its name', () => {
    const probe = complete(`${POD_SPEC}      containers:\n      - name: a\n        livenessProbe:\n          ‸\n`, {
      snippetSupport: true,
    });
    assert.match(applyItem(probe.document, item(probe.items, 'httpGet')), /\n {10}httpGet:\n {12}port: \$1\n$/);
    const top = complete('apiVersion: apps/v1\nkind: Deployment\n‸\n');
    assert.equal(applyItem(top.document, item(top.items, 'metadata')), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \n');
  });

  it('follows a document that writes `- ` at the key’s column', () => {
    const text = `${POD_SPEC}      containers:\n      - name: a\n        image: a:1\n      vol‸\n`;
    const { items, document } = complete(text, { snippetSupport: true });
    assert.equal(applyItem(document, item(items, 'volumes')), text.replace('vol‸', 'volumes:\n      - name: $1'));
  });

  it('inserts a list of strings with `- ` and a choice of the allowed values as a snippet', () => {
    const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  acc‸\n';
    const { items, document } = complete(text, { snippetSupport: true });
    assert.equal(
      applyItem(document, item(items, 'accessModes')),
      text.replace('acc‸', 'accessModes:\n    - ${1|ReadWriteOnce,ReadOnlyMany,ReadWriteMany,ReadWriteOncePod|}'),
    );
  });

  it('inserts a scalar with allowed values as a choice snippet, and as `key: ` in plain text', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  restartP‸\n';
    const forPod = complete(pod, { snippetSupport: true });
    assert.equal(
      applyItem(forPod.document, item(forPod.items, 'restartPolicy')),
      pod.replace('restartP‸', 'restartPolicy: ${1|Always,OnFailure,Never|}'),
    );
    // a Job's pod template accepts only Never and OnFailure: the default Always is not offered
    const job = `${JOB_POD_SPEC}      restartP‸\n`;
    const forJob = complete(job, { snippetSupport: true });
    assert.equal(
      applyItem(forJob.document, item(forJob.items, 'restartPolicy')),
      job.replace('restartP‸', 'restartPolicy: ${1|Never,OnFailure|}'),
    );
    const text = `${POD_SPEC}      restartP‸\n`;
    const snippet = complete(text, { snippetSupport: true });
    assert.equal(
      applyItem(snippet.document, item(snippet.items, 'restartPolicy')),
      text.replace('restartP‸', 'restartPolicy: ${1|Always|}'),
    );
    const plain = complete(text);
    assert.equal(applyItem(plain.document, item(plain.items, 'restartPolicy')), text.replace('restartP‸', 'restartPolicy: '));
  });

  it('renames a key in place without adding a second colon', () => {
    const { items, document } = complete(`${DEPLOY}spec:\n  rep‸: 3\n`);
    assert.equal(applyItem(document, item(items, 'replicas')), `${DEPLOY}spec:\n  replicas: 3\n`);
  });

  it('offers the top-level keys in manifest order, without status', () => {
    const { labels } = complete('apiVersion: apps/v1\nkind: StatefulSet\n‸\n');
    assert.deepEqual(labels, ['metadata', 'spec']);
  });

  it('offers the keys of a new list item after `- `', () => {
    const { labels, items, document } = complete(`${POD_SPEC}      containers:\n      - name: a\n        ports:\n        - cont‸\n`);
    assert.equal(labels[0], 'containerPort');
    assert.equal(item(items, 'containerPort').detail, 'integer (int32) · required');
    assert.match(applyItem(document, item(items, 'containerPort')), /\n {8}- containerPort: \n$/);
  });

  it('reads the Job spec inside a CronJob’s jobTemplate', () => {
    const { labels } = complete('apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      ‸\n');
    assert.equal(labels[0], 'template');
    assert.ok(labels.includes('backoffLimit') && labels.includes('ttlSecondsAfterFinished'));
  });

  it('still completes when the apiVersion is wrong or missing (reads the kind’s own schema)', () => {
    assert.ok(complete('apiVersion: extensions/v1beta1\nkind: Deployment\nspec:\n  ‸\n').labels.includes('replicas'));
    assert.ok(complete('kind: StatefulSet\nspec:\n  ‸\n').labels.includes('serviceName'));
  });

  it('works in the third document of a file', () => {
    const text = `${DEPLOY}---\napiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: StatefulSet\nspec:\n  updateStrategy:\n    rollingUpdate:\n      par‸\n`;
    const { labels, items, document } = complete(text);
    assert.deepEqual(labels, ['maxUnavailable', 'partition']);
    assert.equal(applyItem(document, item(items, 'partition')), text.replace('par‸', 'partition: '));
  });

  it('completes keys inside a flow map, without the keys already there', () => {
    const text = `${POD_SPEC}      containers:\n      - {name: x, ima‸}\n`;
    const { labels, items, document } = complete(text);
    assert.equal(labels[0], 'image');
    assert.ok(!labels.includes('name'));
    assert.equal(applyItem(document, item(items, 'image')), text.replace('ima‸', 'image: '));
  });

  it('inserts flow syntax for an object in a flow map', () => {
    const text = `${DEPLOY.replace('metadata:\n  name: web\n', '')}metadata: {name: web, lab‸}\n`;
    const { items, document } = complete(text);
    assert.equal(applyItem(document, item(items, 'labels')), text.replace('lab‸', 'labels: {}'));
  });

  it('completes inside a flow map written over several lines', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {\n  name: web,\n  lab‸\n}\n';
    const { labels, items, document } = complete(text);
    assert.ok(!labels.includes('name'));
    assert.equal(applyItem(document, item(items, 'labels')), text.replace('lab‸', 'labels: {}'));
  });

  it('offers no API keys inside a map (labels) and nothing in a non-Kubernetes document', () => {
    assert.deepEqual(complete(`${DEPLOY.replace('  name: web\n', '')}  labels:\n    ‸\n`).labels, []);
    assert.deepEqual(complete('services:\n  web:\n    ‸\n').labels, []);
    assert.deepEqual(complete('name: CI\non:\n  push:\n    ‸\n').labels, []);
  });

  it('offers apiVersion/kind/metadata in a manifest of an unknown kind', () => {
    assert.deepEqual(complete('apiVersion: example.com/v1\n‸\n').labels, ['kind', 'metadata']);
  });

  it('offers nothing inside a block scalar or a comment', () => {
    assert.deepEqual(complete('apiVersion: v1\nkind: ConfigMap\ndata:\n  run.sh: |\n    echo\n    ‸\n').labels, []);
    assert.deepEqual(complete(`${DEPLOY}spec:\n  # rep‸\n`).labels, []);
  });

  it('asks VS Code to open the value suggestions after a key that has some', () => {
    const cmd = { triggerSuggestCommand: 'editor.action.triggerSuggest' };
    const cron = 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  ‸\n';
    const plain = complete(cron, cmd).items;
    const withCommand = plain.filter((i) => i.command).map((i) => i.label);
    assert.deepEqual(withCommand.sort(), ['concurrencyPolicy', 'schedule', 'suspend', 'timeZone']);
    assert.deepEqual(item(plain, 'schedule').command, { title: 'Suggest values', command: 'editor.action.triggerSuggest' });
    // with snippets the allowed values and booleans are a choice already
    const snippet = complete(cron, { ...cmd, snippetSupport: true }).items;
    assert.deepEqual(
      snippet
        .filter((i) => i.command)
        .map((i) => i.label)
        .sort(),
      ['schedule', 'timeZone'],
    );
    assert.ok(!complete(cron).items.some((i) => i.command), 'no command unless the client has one');
    assert.ok(item(complete('apiVersion: example.com/v1\n‸\n', cmd).items, 'kind').command);
  });

  it('marks deprecated fields and sorts them last', () => {
    const { items, labels } = complete(`${POD_SPEC}      serviceAcc‸\n`);
    assert.deepEqual(item(items, 'serviceAccount').tags, [1]);
    assert.ok(labels.indexOf('serviceAccount') > labels.indexOf('volumes'));
  });
});

describe('value completion', () => {
  it('`kind: ` offers the five workload kinds first with what each is for, then every other kind', () => {
    const { labels, items } = complete('apiVersion: v1\nkind: ‸\n');
    assert.deepEqual(labels.slice(0, 5), ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
    assert.ok(labels.includes('Service') && labels.includes('ConfigMap') && labels.includes('PersistentVolumeClaim'));
    assert.equal(item(items, 'CronJob').detail, 'Batch tasks that run on a schedule · batch/v1');
    assert.match((item(items, 'StatefulSet').documentation as { value: string }).value, /stable identity/);
  });

  const kindCases: { name: string; text: string; pick: string; out: string }[] = [
    {
      name: 'replaces a wrong apiVersion',
      text: 'apiVersion: v1\nkind: ‸\n',
      pick: 'Deployment',
      out: 'apiVersion: apps/v1\nkind: Deployment\n',
    },
    {
      name: 'inserts a missing apiVersion above kind',
      text: '# app\nkind: ‸\nmetadata: {}\n',
      pick: 'CronJob',
      out: '# app\napiVersion: batch/v1\nkind: CronJob\nmetadata: {}\n',
    },
    {
      name: 'keeps a matching apiVersion',
      text: 'apiVersion: apps/v1\nkind: ‸\n',
      pick: 'StatefulSet',
      out: 'apiVersion: apps/v1\nkind: StatefulSet\n',
    },
    { name: 'fills an empty apiVersion', text: 'apiVersion:\nkind: ‸\n', pick: 'Service', out: 'apiVersion: v1\nkind: Service\n' },
    {
      name: 'replaces the partial kind typed so far',
      text: 'apiVersion: batch/v1\nkind: Dep‸\n',
      pick: 'Deployment',
      out: 'apiVersion: apps/v1\nkind: Deployment\n',
    },
    { name: 'adds the space after `kind:`', text: 'apiVersion: batch/v1\nkind:‸\n', pick: 'Job', out: 'apiVersion: batch/v1\nkind: Job\n' },
    {
      name: 'only touches its own document',
      text: 'apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: ‸\n',
      pick: 'DaemonSet',
      out: 'apiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: DaemonSet\n',
    },
  ];
  for (const c of kindCases) {
    it(`kind: ${c.name}`, () => {
      const { items, document } = complete(c.text);
      assert.equal(applyItem(document, item(items, c.pick)), c.out);
    });
  }

  it('`apiVersion: ` offers the versions serving the document’s kind, or all we know', () => {
    assert.deepEqual(complete('apiVersion: ‸\nkind: CronJob\n').labels, ['batch/v1']);
    const all = complete('apiVersion: ‸\n').labels;
    // the workload groups first, then the other stable ones, betas and alphas last
    assert.deepEqual(all.slice(0, 3), ['apps/v1', 'batch/v1', 'v1']);
    assert.ok(all.indexOf('networking.k8s.io/v1') > 2 && all.indexOf('networking.k8s.io/v1') < all.indexOf('resource.k8s.io/v1beta1'));
    assert.ok(all.indexOf('resource.k8s.io/v1beta1') < all.indexOf('resource.k8s.io/v1alpha3'));
    assert.equal(item(complete('apiVersion: ‸\n').items, 'batch/v1').detail, 'serves CronJob, Job');
  });

  it('offers the allowed values with what the description says they mean', () => {
    const { labels, items, document } = complete('apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: ‸\n');
    assert.deepEqual(labels, ['Always', 'OnFailure', 'Never']);
    assert.equal(applyItem(document, item(items, 'Never')), 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Never\n');
    // only what the kind's pod template accepts (the rest is what job-restart-policy and long-running-restart-policy flag)
    assert.deepEqual(complete(`${POD_SPEC}      restartPolicy: ‸\n`).labels, ['Always']);
    assert.deepEqual(complete(`${JOB_POD_SPEC}      restartPolicy: ‸\n`).labels, ['Never', 'OnFailure']);
    const cron =
      'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: ‸\n';
    assert.deepEqual(complete(cron).labels, ['Never', 'OnFailure']);
    const sc = complete(`${POD_SPEC}      securityContext:\n        seccompProfile:\n          type: ‸\n`);
    assert.equal(item(sc.items, 'RuntimeDefault').detail, 'The container runtime default profile should be used');
  });

  it('offers allowed values of a string list item, block and flow', () => {
    const pvc = 'apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n';
    assert.deepEqual(complete(`${pvc}  accessModes:\n  - ‸\n`).labels, [
      'ReadWriteOnce',
      'ReadOnlyMany',
      'ReadWriteMany',
      'ReadWriteOncePod',
    ]);
    const { items, document } = complete(`${pvc}  accessModes: [ReadOnlyMany, Read‸]\n`);
    assert.equal(applyItem(document, item(items, 'ReadWriteOnce')), `${pvc}  accessModes: [ReadOnlyMany, ReadWriteOnce]\n`);
  });

  it('offers true/false for booleans', () => {
    assert.deepEqual(complete(`${DEPLOY}spec:\n  paused: ‸\n`).labels, ['true', 'false']);
  });

  it('`concurrencyPolicy:` — the guide’s policies, Forbid first, with its one-liners', () => {
    const { labels, items } = complete('apiVersion: batch/v1\nkind: CronJob\nspec:\n  concurrencyPolicy: ‸\n');
    assert.deepEqual(labels, ['Forbid', 'Allow', 'Replace']);
    assert.match(item(items, 'Forbid').detail ?? '', /skip/i);
  });

  it('`schedule:` — cron presets, quoted so the YAML stays valid; raw inside quotes', () => {
    const text = 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: ‸\n';
    const { labels, items, document } = complete(text);
    assert.ok(labels.includes('*/15 * * * *') && labels.includes('@daily'), labels.join(' | '));
    assert.equal(applyItem(document, item(items, '*/15 * * * *')), text.replace('‸', '"*/15 * * * *"'));
    const quoted = complete('apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "*/‸"\n');
    assert.equal(
      applyItem(quoted.document, item(quoted.items, '*/15 * * * *')),
      'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "*/15 * * * *"\n',
    );
  });

  it('`timeZone:` — IANA zones, UTC first', () => {
    const { labels } = complete('apiVersion: batch/v1\nkind: CronJob\nspec:\n  timeZone: ‸\n');
    assert.equal(labels[0], 'Etc/UTC');
    assert.ok(labels.includes('Europe/Berlin') && labels.includes('America/New_York'));
  });

  it('a value in a flow map', () => {
    const text = `${JOB}spec:\n  template:\n    spec: {restartPolicy: On‸}\n`;
    const { items, document } = complete(text);
    assert.equal(applyItem(document, item(items, 'OnFailure')), text.replace('On‸', 'OnFailure'));
  });

  it('value providers registered by other features are asked, after the built-in ones', () => {
    const remove = registerValueCompletionProvider((req) =>
      req.path.join('.') === 'spec.serviceName' ? [{ label: 'db-headless', value: 'db-headless', detail: 'headless Service' }] : [],
    );
    try {
      const { labels, items } = complete('apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  serviceName: ‸\n');
      assert.deepEqual(labels, ['db-headless']);
      assert.equal(item(items, 'db-headless').detail, 'headless Service');
    } finally {
      remove();
    }
    assert.deepEqual(complete('apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  serviceName: ‸\n').labels, []);
  });

  it('a provider that throws loses only its own items', () => {
    const remove = registerValueCompletionProvider(() => {
      throw new Error('broken provider');
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      assert.deepEqual(complete(`${JOB_POD_SPEC}      restartPolicy: ‸\n`).labels, ['Never', 'OnFailure']);
    } finally {
      console.error = original;
      remove();
    }
    assert.equal(errors.length, 1);
  });

  it('key providers are asked for keys of maps the API knows nothing about', () => {
    KEY_COMPLETION_PROVIDERS.push((req) => (req.field?.shape === 'map' ? [{ label: 'app', insertText: 'app: web' }] : []));
    try {
      const { items, document } = complete(`${DEPLOY}spec:\n  template:\n    metadata:\n      labels:\n        ‸\n`);
      assert.equal(
        applyItem(document, item(items, 'app')),
        `${DEPLOY}spec:\n  template:\n    metadata:\n      labels:\n        app: web\n`,
      );
    } finally {
      KEY_COMPLETION_PROVIDERS.pop();
    }
  });

  it('a space typed anywhere but after `key:` or `- ` asks for nothing', () => {
    assert.deepEqual(complete(`${DEPLOY}spec:\n  replicas: 3 ‸\n`, { triggerCharacter: ' ' }).labels, []);
    assert.ok(complete('apiVersion: v1\nkind: ‸\n', { triggerCharacter: ' ' }).labels.length > 5);
  });
});

describe('skeletons in an empty document', () => {
  it('offers a manifest for each workload kind first, then the guide’s patterns, and the top-level keys', () => {
    const { labels } = complete('‸');
    assert.deepEqual(labels.slice(0, 3), ['apiVersion', 'kind', 'metadata']);
    assert.deepEqual(labels.slice(3, 8), [
      'Deployment manifest',
      'StatefulSet manifest',
      'DaemonSet manifest',
      'Job manifest',
      'CronJob manifest',
    ]);
    assert.ok(labels.length > 8);
  });

  it('offers the guide’s patterns and variants after them, each under its own name', () => {
    const { labels, items } = complete('‸');
    const rest = labels.slice(8);
    assert.ok(
      rest.includes('AI: vector database (Qdrant StatefulSet)') && rest.includes('Job, indexed (one index per pod)'),
      rest.join(' | '),
    );
    assert.equal(new Set(labels).size, labels.length, 'labels are unique');
    assert.equal(item(items, 'AI: vector database (Qdrant StatefulSet)').detail, 'StatefulSet manifest');
    for (const it of items.slice(3)) {
      const doc = TextDocument.create('file:///work/skeleton.yaml', 'yaml', 1, (it.textEdit as { newText: string }).newText);
      assert.deepEqual(
        getLanguageService()
          .doValidation(doc)
          .map((d) => `${d.code}: ${d.message}`),
        [],
        it.label,
      );
    }
  });

  for (const snippetSupport of [false, true]) {
    it(`every workload skeleton is a manifest without diagnostics (${snippetSupport ? 'snippet' : 'plain text'})`, () => {
      const { items, document } = complete('‸', { snippetSupport });
      for (const label of ['Deployment manifest', 'StatefulSet manifest', 'DaemonSet manifest', 'Job manifest', 'CronJob manifest']) {
        const it = item(items, label);
        assert.equal(it.insertTextFormat, snippetSupport ? 2 : 1);
        const text = applyItem(document, it);
        if (snippetSupport) {
          assert.match(text, /\$\{1:/, 'tab stops');
          continue;
        }
        assert.doesNotMatch(text, /\$\{?\d/, 'no snippet syntax in plain text');
        const kind = label.split(' ')[0];
        assert.match(text, new RegExp(`^kind: ${kind}$`, 'm'));
        const doc = TextDocument.create('file:///work/skeleton.yaml', 'yaml', 1, text);
        assert.deepEqual(
          getLanguageService()
            .doValidation(doc)
            .map((d) => `${d.code}: ${d.message}`),
          [],
          label,
        );
      }
    });
  }

  it('in an empty document after `---`, the skeleton replaces what is typed', () => {
    const text = `${DEPLOY}---\n# next\nCron‸\n`;
    const { items, document } = complete(text);
    const out = applyItem(document, item(items, 'CronJob manifest'));
    assert.ok(out.startsWith(`${DEPLOY}---\n# next\napiVersion: batch/v1\nkind: CronJob\n`), out);
  });
});

describe('work per request', () => {
  // Speed is measured by `npm run bench`, not by a timed test (this machine is shared and noisy);
  // what keeps completion fast in a big file is that it reads only the cursor's document, which
  // this checks exactly: no other document's syntax tree or value is touched.
  it('reads only the cursor’s document of a 500-document file', () => {
    const one = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1\n`;
    const big = Array.from({ length: 500 }, () => one).join('---\n') + '        ima';
    const parser = new ManifestParser();
    const workspace = new WorkspaceIndex();
    for (let v = 0; v < 3; v++) {
      // each request sees a new version of the file, parsed the way the service does (only the edited document)
      const text = big.replace(/ima$/, v % 2 ? 'imag' : 'ima');
      const document = TextDocument.create('file:///work/big.yaml', 'yaml', v, text);
      const parsed = parser.parse(document.uri, text);
      const last = parsed.documents.length - 1;
      const touched = new Set<number>();
      const watched = parsed.documents.map((d, i) =>
        i === last
          ? d
          : new Proxy(d, {
              get(target, key, receiver) {
                if (key === 'yaml' || key === 'value') touched.add(i);
                return Reflect.get(target, key, receiver) as unknown;
              },
            }),
      );
      const file = { ...parsed, documents: watched };
      const list = doComplete(file, document, document.positionAt(text.length), workspace, testApi());
      assert.ok(list.items.some((i) => i.label === 'imagePullPolicy'));
      assert.deepEqual([...touched], [], 'documents other than the cursor’s were read');
    }
  });
});
