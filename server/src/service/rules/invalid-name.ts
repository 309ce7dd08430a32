// invalid-name: names the API server validates as DNS names. metadata.name is a DNS-1123
// subdomain for most kinds, a DNS-1035 label for a Service (it becomes a DNS name), a DNS-1123
// label for a StatefulSet (its pods' hostnames) and a Namespace; a CronJob name is at most 52
// characters (its Jobs add 11). Container, volume and Service port names are DNS-1123 labels;
// container port names are IANA service names (≤ 15 characters, a letter, no `--`), and so are
// the names a Service targetPort or a probe uses to refer to a port (`targetPort: "8080"`, quoted,
// is a name to the API server, and an invalid one).
import { getAt, rangeOfKey, rangeOfValue } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import {
  sanitizeName,
  validateCronJobName,
  validateDns1035Label,
  validateDns1123Label,
  validateDns1123Subdomain,
  validateLabelValue,
  validatePortName,
  validateQualifiedName,
} from '../k8s/names';
import { podSpecPath, podTemplatePath } from '../k8s/podSpec';
import { groupOf } from '../api/apiVersions';
import type { Fix, Rule, RuleContext } from './types';

type Validator = (name: string) => string | undefined;

interface NameFormat {
  readonly format: string;
  readonly validate: Validator;
  readonly maxLength: number;
}

const SUBDOMAIN: NameFormat = { format: 'a DNS-1123 subdomain', validate: validateDns1123Subdomain, maxLength: 253 };
const LABEL: NameFormat = { format: 'a DNS-1123 label', validate: validateDns1123Label, maxLength: 63 };
const DNS1035: NameFormat = { format: 'a DNS-1035 label', validate: validateDns1035Label, maxLength: 63 };
const CRONJOB: NameFormat = { format: 'a DNS-1123 subdomain of at most 52 characters', validate: validateCronJobName, maxLength: 52 };
const PORT: NameFormat = { format: 'an IANA service name', validate: validatePortName, maxLength: 15 };
/** A port given by name (targetPort, probe ports): the name of a container port. */
const PORT_REF: NameFormat = { format: 'a port name (an IANA service name)', validate: validatePortName, maxLength: 15 };

/** Where a container refers to its own ports by number or name, and what a message calls each. */
const PROBE_PORTS: readonly { readonly path: readonly string[]; readonly what: string }[] = [
  ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((p) => [
    { path: [p, 'httpGet', 'port'], what: `${p} port` },
    { path: [p, 'tcpSocket', 'port'], what: `${p} port` },
  ]),
  ...['postStart', 'preStop'].flatMap((h) => [
    { path: ['lifecycle', h, 'httpGet', 'port'], what: `${h} port` },
    { path: ['lifecycle', h, 'tcpSocket', 'port'], what: `${h} port` },
  ]),
];

/** The groups whose kinds' name rules this rule knows. */
const WORKLOAD_GROUPS = new Set(['', 'apps', 'batch']);

function objectNameFormat(kind: string): NameFormat {
  switch (kind) {
    case 'Service':
      return DNS1035;
    case 'StatefulSet':
    case 'Namespace':
      return LABEL;
    case 'CronJob':
      return CRONJOB;
    default:
      return SUBDOMAIN;
  }
}

function check(ctx: RuleContext, path: (string | number)[], what: string, f: NameFormat): void {
  const name = getAt(ctx.value, path);
  if (typeof name !== 'string') return; // a missing or non-string name is another rule's business
  const problem = f.validate(name);
  if (!problem) return;
  const [start, end] = rangeOfValue(ctx.doc, path);
  const fixes: Fix[] = [];
  if (f === PORT_REF && /^\d+$/.test(name)) {
    // `targetPort: "8080"`: a quoted number is a port name to the API server
    const edits = replaceValue(ctx.doc, path, String(Number(name)));
    if (edits) fixes.push({ title: `Write ${Number(name)} as a number`, edits, isPreferred: true, safe: true });
    ctx.report({ start, end, messageId: 'quotedPort', data: { what, name }, fixes });
    return;
  }
  const better = sanitizeName(name, f.validate, f.maxLength);
  const edits = better ? replaceValue(ctx.doc, path, better) : undefined;
  if (better && edits) fixes.push({ title: `Rename to \`${better}\``, edits });
  ctx.report({ start, end, messageId: 'invalid', data: { what, name, format: f.format, problem }, fixes });
}

const LABEL_KEY: NameFormat = { format: 'a label key', validate: validateQualifiedName, maxLength: 63 };
const ANNOTATION_KEY: NameFormat = { format: 'an annotation key', validate: validateQualifiedName, maxLength: 63 };
const LABEL_VALUE: NameFormat = { format: 'a label value', validate: validateLabelValue, maxLength: 63 };

/** The keys (and, for labels, the values) of a label map. */
function checkLabels(ctx: RuleContext, path: (string | number)[], what: 'Label' | 'Selector label' | 'Annotation'): void {
  const map = getAt(ctx.value, path);
  if (!map || typeof map !== 'object' || Array.isArray(map)) return;
  for (const [key, value] of Object.entries(map)) {
    const keyProblem = validateQualifiedName(key);
    if (keyProblem) {
      const [start, end] = rangeOfKey(ctx.doc, [...path, key]);
      const f = what === 'Annotation' ? ANNOTATION_KEY : LABEL_KEY;
      ctx.report({ start, end, messageId: 'invalid', data: { what: `${what} key`, name: key, format: f.format, problem: keyProblem } });
    }
    if (what !== 'Annotation' && typeof value === 'string') check(ctx, [...path, key], `${what} value`, LABEL_VALUE);
  }
}

function each(ctx: RuleContext, path: (string | number)[], fn: (itemPath: (string | number)[], item: unknown) => void): void {
  const items = getAt(ctx.value, path);
  if (Array.isArray(items)) items.forEach((item, i) => fn([...path, i], item));
}

export const invalidName: Rule = {
  meta: {
    id: 'invalid-name',
    name: 'Invalid name',
    severity: 'error',
    kinds: 'all',
    description:
      'metadata.name, namespace, container, volume or port name, label or annotation key or label value that the API server rejects (DNS-1123 subdomain/label, DNS-1035 label for Services, ≤ 52 characters for CronJobs, IANA names for ports, qualified names for label keys).',
    rationale:
      "Names end up in DNS records, hostnames and label values. Most objects need a DNS-1123 subdomain (lower case, digits, `-` and `.`); a Service name must be a DNS-1035 label because it becomes `<name>.<namespace>.svc`; a StatefulSet name is a label because it prefixes its pods' hostnames (`web-0`); a CronJob name is limited to 52 characters because the Jobs it creates add an 11-character suffix. Container ports are referenced by IANA service names of at most 15 characters.",
    guideSection: 'DNS naming',
    fixable: true,
    onPatch: 'check',
    messages: {
      invalid: '{{what}} `{{name}}` is invalid: as {{format}} it {{problem}}.',
      quotedPort:
        '{{what}} "{{name}}" is quoted, so the API server reads it as a port name, and a port name must contain a letter: write the number without quotes.',
    },
    example: {
      invalid: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 1-web\nspec:\n  ports:\n  - port: 80\n',
    },
  },
  check(ctx) {
    const obj = ctx.object;
    if (!obj || !ctx.api.isKnownObject(obj.apiVersion, obj.kind)) return;
    // Object names are checked where the name rule is known for certain: the core, apps and batch
    // kinds (RBAC names may hold `:`, CRD names are `<plural>.<group>`…).
    if (WORKLOAD_GROUPS.has(groupOf(obj.apiVersion))) check(ctx, ['metadata', 'name'], `${obj.kind} name`, objectNameFormat(obj.kind));
    check(ctx, ['metadata', 'namespace'], 'Namespace', LABEL);
    const pod = podSpecPath(obj.kind);
    if (pod) {
      for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
        each(ctx, [...pod, list], (c, container) => {
          check(ctx, [...c, 'name'], 'Container name', LABEL);
          each(ctx, [...c, 'ports'], (p) => check(ctx, [...p, 'name'], 'Container port name', PORT));
          // A port by number, or none (most probes): nothing to check, and no path to build for it.
          for (const probe of PROBE_PORTS)
            if (typeof getAt(container, probe.path) === 'string') check(ctx, [...c, ...probe.path], probe.what, PORT_REF);
        });
      }
      each(ctx, [...pod, 'volumes'], (v) => check(ctx, [...v, 'name'], 'Volume name', LABEL));
    }
    checkLabels(ctx, ['metadata', 'labels'], 'Label');
    checkLabels(ctx, ['metadata', 'annotations'], 'Annotation');
    const template = podTemplatePath(obj.kind);
    if (template) {
      checkLabels(ctx, [...template, 'metadata', 'labels'], 'Label');
      checkLabels(ctx, [...template, 'metadata', 'annotations'], 'Annotation');
    }
    if (obj.kind === 'CronJob') checkLabels(ctx, ['spec', 'jobTemplate', 'metadata', 'labels'], 'Label');
    checkLabels(ctx, ['spec', 'selector', 'matchLabels'], 'Selector label');
    if (obj.kind === 'Service') checkLabels(ctx, ['spec', 'selector'], 'Selector label');
    if (obj.kind === 'Service')
      each(ctx, ['spec', 'ports'], (p) => {
        check(ctx, [...p, 'name'], 'Service port name', LABEL);
        check(ctx, [...p, 'targetPort'], 'targetPort', PORT_REF);
      });
  },
};
