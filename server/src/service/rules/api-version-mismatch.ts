// api-version-mismatch: the apiVersion does not serve the kind in the selected Kubernetes release
// (`apiVersion: v1` on a Deployment; a beta that Kubernetes removed, such as extensions/v1beta1
// workloads in 1.16 or autoscaling/v2beta2 in 1.26; an apiVersion that arrives in a later release,
// such as resource.k8s.io/v1 in 1.34). Only built-in groups are judged: a CRD may reuse a kind
// name under its own group. Flags the apiVersion value; a kind that the apiVersion does not have
// but that is close to one we know (`Deploymnet`, `deployment`) is flagged on the kind with the
// likely kind as the fix.
import { crdMatchOf, customResourceReportsOf } from '../crd/resource';
import { getAt, rangeOfValue } from '../manifest/navigate';
import { documentStyle, insertPair, replaceValue } from '../manifest/edit';
import type { ManifestDocument } from '../manifest/types';
import { labelMap } from '../k8s/labels';
import { checkApiVersion, misspeltKind } from '../api/apiVersions';
import { yamlString } from './fixText';
import type { DocEdit, Fix, Rule } from './types';

/** Kinds whose apps/v1 version requires spec.selector, which the removed betas defaulted from the template's labels. */
const SELECTOR_DEFAULTED = new Set(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet']);

/**
 * What moving a kind to `target` must also write so the object stays valid: for a selector-less
 * workload moved to apps/v1, the selector the beta used to default (the template's labels).
 * Undefined when nothing is needed; null when it is needed but cannot be derived (no labels).
 */
function companionEdits(doc: ManifestDocument, kind: string, target: string): DocEdit[] | undefined | null {
  if (target !== 'apps/v1' || !SELECTOR_DEFAULTED.has(kind) || getAt(doc.value, ['spec', 'selector']) !== undefined) return undefined;
  const labels = Object.entries(labelMap(getAt(doc.value, ['spec', 'template', 'metadata', 'labels'])) ?? {});
  if (labels.length === 0) return null;
  const pad = ' '.repeat(documentStyle(doc).indent);
  return (
    insertPair(doc, ['spec'], 'selector', ['matchLabels:', ...labels.map(([k, v]) => `${pad}${yamlString(k)}: ${yamlString(v)}`)]) ?? null
  );
}

export const apiVersionMismatch: Rule = {
  meta: {
    id: 'api-version-mismatch',
    name: 'apiVersion does not serve the kind',
    severity: 'error',
    kinds: 'all',
    description:
      'The apiVersion does not serve this kind in the selected Kubernetes release, or is a beta that Kubernetes removed. For a custom resource: a version its CustomResourceDefinition does not serve (an error), or one it marks `deprecated` (a warning, with the CRD’s `deprecationWarning`).',
    rationale:
      'The API server looks the kind up in the apiVersion\'s group: a Deployment under `v1`, or under `extensions/v1beta1` (removed in Kubernetes 1.16), is "no matches for kind". The workload kinds live in apps/v1 (Deployment, StatefulSet, DaemonSet, ReplicaSet) and batch/v1 (Job, CronJob; batch/v1beta1 CronJob was removed in 1.25). Which apiVersions a cluster serves depends on its release: set `k8sWorkloads.kubernetesVersion` to the release you deploy to.',
    guideSection: 'Kubernetes API',
    fixable: true,
    onPatch: 'check',
    messages: {
      crdNotServed: 'The CustomResourceDefinition `{{crd}}` does not serve `{{apiVersion}}` (served: {{served}}).',
      crdNoVersion: 'The CustomResourceDefinition `{{crd}}` has no version `{{apiVersion}}` (served: {{served}}).',
      crdDeprecated: '{{warning}}',
      removed: '`{{apiVersion}}` no longer serves {{kind}}: it was removed in Kubernetes {{release}}. Use `{{expected}}`.',
      removedNoReplacement:
        '`{{apiVersion}}` no longer serves {{kind}}: it was removed in Kubernetes {{release}}, and Kubernetes {{version}} has no other apiVersion for it.',
      notYetServed: 'Kubernetes {{version}} does not serve {{kind}} at `{{apiVersion}}`: it arrives in Kubernetes {{release}}.{{advice}}',
      noLongerServed:
        'Kubernetes {{version}} no longer serves {{kind}} at `{{apiVersion}}`: it was removed in Kubernetes {{release}}.{{advice}}',
      mismatch: '`{{apiVersion}}` does not serve {{kind}}. Use `{{expected}}`.',
      unknownKind: '`{{apiVersion}}` has no kind `{{kind}}`. Did you mean `{{suggestion}}`?',
    },
    example: {
      invalid:
        'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: report:1.0\n',
      fixed:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: report:1.0\n',
    },
  },
  check(ctx) {
    if (!ctx.object) return;
    // A custom resource: its CRD says which versions it serves.
    if (crdMatchOf(ctx.doc, ctx.crds)) {
      for (const p of customResourceReportsOf(ctx.doc, ctx.crds)) if (p.ruleId === 'api-version-mismatch') ctx.report(p.report);
      return;
    }
    const { apiVersion, kind } = ctx.object;
    const suggestion = misspeltKind(ctx.api, apiVersion, kind);
    if (suggestion) {
      const [start, end] = rangeOfValue(ctx.doc, ['kind']);
      const fixes: Fix[] = [];
      const edits = replaceValue(ctx.doc, ['kind'], suggestion);
      const served = checkApiVersion(ctx.api, apiVersion, suggestion);
      const both = served?.expected.length === 1 ? replaceValue(ctx.doc, ['apiVersion'], served.expected[0]) : undefined;
      if (edits && both && served)
        fixes.push({
          title: `Change kind to \`${suggestion}\` and apiVersion to \`${served.expected[0]}\``,
          edits: [...both, ...edits],
          isPreferred: true,
        });
      if (edits) fixes.push({ title: `Change kind to \`${suggestion}\``, edits, isPreferred: fixes.length === 0 });
      ctx.report({ start, end, messageId: 'unknownKind', data: { apiVersion, kind, suggestion }, fixes });
      return;
    }
    const problem = checkApiVersion(ctx.api, apiVersion, kind);
    if (!problem) return;
    const [start, end] = rangeOfValue(ctx.doc, ['apiVersion']);
    const fixes: Fix[] = [];
    for (const v of problem.expected) {
      const edits = replaceValue(ctx.doc, ['apiVersion'], v);
      const companion = companionEdits(ctx.doc, kind, v);
      if (edits)
        fixes.push({
          title: companion
            ? `Change apiVersion to \`${v}\` and write spec.selector from the template labels`
            : `Change apiVersion to \`${v}\``,
          edits: [...edits, ...(companion ?? [])],
          isPreferred: problem.expected.length === 1,
          // Without labels to select there is no valid apps/v1 object to write: offered, never applied by fix-all.
          safe: problem.expected.length === 1 && companion !== null,
        });
    }
    const expected = problem.expected.join('` or `');
    const advice = expected ? ` Use \`${expected}\`.` : '';
    const version = ctx.api.version;
    const minor = (v: string) => Number(v.split('.')[1]);
    const servedIn = problem.servedIn ?? [];
    let messageId: string;
    let release = problem.removedIn ?? '';
    if (servedIn.length && servedIn.every((r) => minor(r) > minor(version))) {
      messageId = 'notYetServed';
      release = servedIn[0];
    } else if (servedIn.length) {
      messageId = 'noLongerServed';
      release = `1.${minor(servedIn[servedIn.length - 1]) + 1}`;
    } else if (problem.removedIn) messageId = expected ? 'removed' : 'removedNoReplacement';
    else if (expected) messageId = 'mismatch';
    else return;
    ctx.report({ start, end, messageId, data: { apiVersion, kind, expected, release, version, advice }, fixes });
  },
};
