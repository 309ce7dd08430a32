// Hover at exact positions: the field path, type, default, required, API description, the guide's
// note below a rule; kinds and apiVersions; allowed values. `‸` marks the cursor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { GUIDE_HEADING } from '../../../server/src/service/hover';
import { getLanguageService } from '../../../server/src/service/index';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import { WorkspaceIndex } from '../../../server/src/service/workspace/index';

const NOW = new Date('2026-03-02T10:00:00Z');

function hover(marked: string) {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = TextDocument.create('file:///work/hover.yaml', 'yaml', 1, text);
  const h = getLanguageService().doHover(document, document.positionAt(offset), { now: NOW });
  if (!h) return undefined;
  const r = h.range!;
  return {
    value: (h.contents as MarkupContent).value,
    kind: (h.contents as MarkupContent).kind,
    covered: text.slice(document.offsetAt(r.start), document.offsetAt(r.end)),
  };
}

const STS =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: qdrant\n  namespace: ai-prod\nspec:\n  serviceName: qdrant\n  replicas: 3\n';

describe('hover on keys', () => {
  it('shows the field path, type and required/optional, then what the guide works out here, then the description', () => {
    const h = hover(`${STS}  updateStrategy:\n    rollingUpdate:\n      part‸ition: 2\n`)!;
    assert.equal(h.kind, 'markdown');
    assert.equal(h.covered, 'partition');
    assert.ok(
      h.value.startsWith(
        '**`StatefulSet.spec.updateStrategy.rollingUpdate.partition`** · Kubernetes 1.35 · `integer (int32)` · optional\n\n',
      ),
      h.value,
    );
    const guide = h.value.indexOf('qdrant-2');
    const api = h.value.search(/Partition indicates the ordinal at which the StatefulSet should be partitioned/);
    assert.ok(guide > 0 && api > guide, 'the guide note for this manifest leads, the API description follows');
  });

  it('names the release, and since when a field exists when not every release has it', () => {
    const h = hover(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: c:1\n    lifecycle:\n      stop‸Signal: SIGTERM\n`,
    )!;
    assert.match(h.value, /^\*\*`Pod\.spec\.containers\[\]\.lifecycle\.stopSignal`\*\* · Kubernetes 1\.35 \(since 1\.33\) · /);
  });

  it('says when a field is required', () => {
    const h = hover(`${STS}  template:\n    spec:\n      contai‸ners: []\n`)!;
    assert.match(
      h.value,
      /^\*\*`StatefulSet\.spec\.template\.spec\.containers`\*\* · Kubernetes 1\.35 · `array of Container` · \*\*required\*\*/,
    );
    assert.match(h.value, /List of containers belonging to the pod/);
  });

  it('shows the default and the allowed values', () => {
    const h = hover('apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - port: 80\n    proto‸col: TCP\n')!;
    assert.match(h.value, /`Service\.spec\.ports\[\]\.protocol`/);
    assert.match(h.value, /default `TCP`/);
    assert.match(h.value, /one of `TCP`, `UDP`, `SCTP`/);
  });

  it('turns the description’s URLs into links', () => {
    const h = hover('apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      restart‸Policy: Never\n')!;
    // kept as a link when the description is cut short
    assert.match(h.value, /\]\(https:\/\/kubernetes\.io\/docs\/concepts\/workloads\/pods\/pod-lifecycle\/#restart-policy\)/);
  });

  it('has no guide section where the guide has nothing to add', () => {
    const h = hover('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  na‸me: web\n')!;
    assert.match(h.value, /`Deployment\.metadata\.name`/);
    assert.doesNotMatch(h.value, /From the Workload Types guide/);
  });

  it('the StatefulSet serviceName note lists the pod DNS names', () => {
    const h = hover(STS.replace('serviceName', 'service‸Name'))!;
    assert.match(h.value, /`StatefulSet\.spec\.serviceName`/);
    assert.match(h.value, /qdrant-0\.qdrant\.ai-prod\.svc\.cluster\.local/);
  });

  it('works in a later document and inside a CronJob’s job template', () => {
    const text = `${STS}---\napiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      backoff‸Limit: 2\n`;
    const h = hover(text)!;
    assert.match(h.value, /^\*\*`CronJob\.spec\.jobTemplate\.spec\.backoffLimit`\*\*/);
    assert.match(h.value, /Specifies the number of retries before marking this job failed/);
  });

  it('reads the key from the text when the document does not parse', () => {
    const h = hover('apiVersion: apps/v1\nkind: Deployment\nspec:\n  repl‸icas: 3\n  selector: {matchLabels: {app: x}\n')!;
    assert.match(h.value, /`Deployment\.spec\.replicas`/);
    assert.equal(h.covered, 'replicas');
  });

  it('reads a value from the text when the document does not parse', () => {
    const kind = hover('apiVersion: batch/v1\nkind: Cron‸Job # the nightly one\nspec:\n  schedule: [\n')!;
    assert.equal(kind.covered, 'CronJob');
    assert.match(kind.value, /^\*\*CronJob\*\* · `batch\/v1`/);
    const value = hover('apiVersion: batch/v1\nkind: CronJob\nspec:\n  concurrencyPolicy: Repl‸ace\n  jobTemplate: {\n')!;
    assert.match(value.value, /^\*\*`Replace`\*\* — Cancels currently running job/);
  });

  it('nothing for unknown fields, non-Kubernetes YAML and custom resources', () => {
    assert.equal(hover('apiVersion: apps/v1\nkind: Deployment\nspec:\n  repl‸ica: 3\n'), undefined);
    assert.equal(hover('name: CI\non:\n  pu‸sh: {}\n'), undefined);
    assert.equal(hover('apiVersion: example.com/v1\nkind: Widget\nspec:\n  si‸ze: 3\n'), undefined);
  });
});

describe('hover on values', () => {
  it('`kind: StatefulSet` — what the kind is, then the guide’s section for it', () => {
    const h = hover('apiVersion: apps/v1\nkind: Stateful‸Set\n')!;
    assert.equal(h.covered, 'StatefulSet');
    assert.ok(h.value.startsWith('**StatefulSet** · `apps/v1`'), h.value);
    assert.match(h.value, /StatefulSet represents a set of pods with consistent identities/);
    const guide = h.value.split(GUIDE_HEADING)[1];
    assert.match(guide, /### StatefulSet — /);
    assert.match(guide, /Decision path/);
  });

  it('`kind: StatefulSet` — the debugging commands are those of this object, not placeholders', () => {
    const h = hover(
      `apiVersion: apps/v1\nkind: Stateful‸Set\n${STS.split('\n').slice(2).join('\n')}  selector:\n    matchLabels: {app: qdrant}\n`,
    )!;
    const guide = h.value.split(GUIDE_HEADING)[1];
    assert.match(guide, /\*\*Debugging\*\* — Namespace ai-prod \(metadata\.namespace\)\./);
    assert.match(guide, /kubectl get pods -l app=qdrant -n ai-prod -w {2}# Watch its pods start in order \(qdrant-0 first\)/);
    assert.match(guide, /kubectl logs qdrant-0 -n ai-prod {2}# Logs of qdrant-0/);
    assert.match(guide, /kubectl scale statefulset qdrant -n ai-prod --replicas=4 {2}# Scale .* \(changes the cluster\)/);
    assert.doesNotMatch(guide, /<name>|<pod-name>|<job-name>/);
    assert.match(guide, /\*\*Ordered lifecycle\*\*/);
  });

  it('`kind: StatefulSet` with podManagementPolicy: Parallel — no ordered lifecycle', () => {
    const h = hover(`apiVersion: apps/v1\nkind: Stateful‸Set\nmetadata:\n  name: db\nspec:\n  podManagementPolicy: Parallel\n`)!;
    assert.match(h.value, /\*\*Lifecycle\*\* — `podManagementPolicy: Parallel` — pods start and stop all at once/);
    assert.doesNotMatch(h.value, /Ordered lifecycle/);
  });

  it("`kind: Job` without a name — the guide's generic commands", () => {
    const h = hover('apiVersion: batch/v1\nkind: J‸ob\n')!;
    assert.match(h.value, /kubectl describe job <job-name>/);
  });

  it('`kind: Service` — the API description only (the guide covers the workload kinds)', () => {
    const h = hover('apiVersion: v1\nkind: Serv‸ice\n')!;
    assert.match(h.value, /^\*\*Service\*\* · `v1`/);
    assert.doesNotMatch(h.value, new RegExp(GUIDE_HEADING));
  });

  it('`kind:` with an apiVersion that does not serve it says which one does', () => {
    const h = hover('apiVersion: extensions/v1beta1\nkind: Deploy‸ment\n')!;
    assert.match(h.value, /`extensions\/v1beta1` does not serve Deployment in Kubernetes 1\.35: use `apiVersion: apps\/v1`/);
  });

  it('`apiVersion:` — the group and version, what it serves, and the document’s kind', () => {
    const h = hover('apiVersion: batch‸/v1\nkind: CronJob\n')!;
    assert.match(h.value, /^\*\*`batch\/v1`\*\* — API group `batch`, version `v1`/);
    assert.match(h.value, /Serves \*\*CronJob\*\* \(and Job\)/);
    assert.match(h.value, /### CronJob — /);
  });

  it('an allowed value — which value, what it means, the alternatives, then the field', () => {
    const h = hover('apiVersion: batch/v1\nkind: CronJob\nspec:\n  concurrencyPolicy: For‸bid\n')!;
    assert.equal(h.covered, 'Forbid');
    assert.ok(
      h.value.startsWith("**`Forbid`** — Forbids concurrent runs, skipping next run if previous run hasn't finished yet."),
      h.value,
    );
    assert.match(h.value, /An allowed value of `CronJob\.spec\.concurrencyPolicy`; the others: `Allow`, `Replace`\./);
    assert.match(h.value, /`CronJob\.spec\.concurrencyPolicy`\*\*/);
  });

  it('an allowed value of a list item', () => {
    const h = hover('apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  accessModes:\n  - ReadWrite‸Once\n')!;
    assert.equal(h.covered, 'ReadWriteOnce');
    assert.match(h.value, /^\*\*`ReadWriteOnce`\*\*/);
    assert.match(
      h.value,
      /An allowed value of `PersistentVolumeClaim\.spec\.accessModes\[\]`; the others: `ReadOnlyMany`, `ReadWriteMany`, `ReadWriteOncePod`\./,
    );
  });

  it('a value that is not an allowed one gets the field’s hover alone', () => {
    const h = hover('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3‸\n')!;
    assert.ok(h.value.startsWith('**`Deployment.spec.replicas`**'), h.value);
  });

  it('a schedule value — the field and the guide’s schedule in words with the next runs', () => {
    const h = hover('apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "0 3 ‸* * *"\n')!;
    assert.match(h.value, /`CronJob\.spec\.schedule`/);
    assert.match(h.value, /03:00/);
    assert.match(h.value, /2026-03-03/, 'the next run after the fixed "now"');
  });
});

describe('hover on a claim template: what keeps a pod Pending', () => {
  const sts = (sc: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: data
spec:
  replicas: 2
  volumeClaimTemplates:
  - metadata:
      name: da‸ta
    spec:
${sc}      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 10Gi
`;
  function claimHover(marked: string, storageClasses: string[], complete: boolean) {
    const index = new WorkspaceIndex();
    storageClasses.forEach((name, i) => {
      const t = `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\nprovisioner: x\n`;
      const d = TextDocument.create(`file:///work/sc${i}.yaml`, 'yaml', 1, t);
      index.setFile(parseManifest(d.uri, t), d);
    });
    index.complete = complete;
    const offset = marked.indexOf('‸');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const document = TextDocument.create('file:///work/db.yaml', 'yaml', 1, text);
    const h = getLanguageService({ workspace: index }).doHover(document, document.positionAt(offset), { now: NOW });
    return (h?.contents as MarkupContent).value;
  }
  const cases: [string, string, string[], boolean, string][] = [
    [
      'a StorageClass defined in the workspace',
      '      storageClassName: fast-ssd\n',
      ['fast-ssd'],
      true,
      'StorageClass `fast-ssd` ✓ defined in the workspace · size 10Gi · access `ReadWriteOnce`',
    ],
    [
      'a StorageClass the whole workspace lacks',
      '      storageClassName: fast-ssd\n',
      ['standard'],
      true,
      'StorageClass `fast-ssd` ✗ not defined in the workspace — it must exist in the cluster (`kubectl get storageclass fast-ssd`), or the claims stay Pending',
    ],
    [
      'not every file indexed: no verdict',
      '      storageClassName: fast-ssd\n',
      [],
      false,
      'StorageClass `fast-ssd` (check it exists: `kubectl get storageclass fast-ssd`)',
    ],
    ['no storageClassName: the default class', '', [], true, "the cluster's default StorageClass"],
    [
      'an empty storageClassName: only pre-created volumes',
      '      storageClassName: ""\n',
      [],
      true,
      'no StorageClass (`storageClassName: ""`)',
    ],
  ];
  for (const [name, sc, classes, complete, expected] of cases)
    it(name, () => {
      const value = claimHover(sts(sc), classes, complete);
      assert.ok(value.includes(expected), value);
      assert.ok(value.includes('`kubectl get pvc data-db-0 data-db-1 -n data` (STATUS must be Bound)'), value);
    });
});
