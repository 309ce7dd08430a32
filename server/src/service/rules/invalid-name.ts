// invalid-name: names the API server validates as DNS names. metadata.name is a DNS-1123
// subdomain for most kinds, a DNS-1035 label for a Service (it becomes a DNS name), a DNS-1123
// label for a StatefulSet (its pods' hostnames) and a Namespace; a CronJob name is at most 52
// characters (its Jobs add 11). Container, volume and Service port names are DNS-1123 labels;
// container port names are IANA service names (≤ 15 characters, a letter, no `--`).
import { getAt, rangeOfValue } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import { isKnownObject } from '../schema/index';
import {
  sanitizeName,
  validateCronJobName,
  validateDns1035Label,
  validateDns1123Label,
  validateDns1123Subdomain,
  validatePortName,
} from '../schema/names';
import { podSpecPath } from './podSpec';
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
  const better = sanitizeName(name, f.validate, f.maxLength);
  const edits = better ? replaceValue(ctx.doc, path, better) : undefined;
  if (better && edits) fixes.push({ title: `Rename to \`${better}\``, edits });
  ctx.report({ start, end, messageId: 'invalid', data: { what, name, format: f.format, problem }, fixes });
}

function each(ctx: RuleContext, path: (string | number)[], fn: (itemPath: (string | number)[]) => void): void {
  const items = getAt(ctx.value, path);
  if (Array.isArray(items)) items.forEach((_, i) => fn([...path, i]));
}

export const invalidName: Rule = {
  meta: {
    id: 'invalid-name',
    name: 'Invalid name',
    severity: 'error',
    kinds: 'all',
    description:
      'metadata.name, namespace, container, volume or port name that the API server rejects (DNS-1123 subdomain/label, DNS-1035 label for Services, ≤ 52 characters for CronJobs, IANA names for container ports).',
    rationale:
      "Names end up in DNS records, hostnames and label values. Most objects need a DNS-1123 subdomain (lower case, digits, `-` and `.`); a Service name must be a DNS-1035 label because it becomes `<name>.<namespace>.svc`; a StatefulSet name is a label because it prefixes its pods' hostnames (`web-0`); a CronJob name is limited to 52 characters because the Jobs it creates add an 11-character suffix. Container ports are referenced by IANA service names of at most 15 characters.",
    guideSection: 'DNS naming',
    fixable: true,
    messages: {
      invalid: '{{what}} `{{name}}` is invalid: as {{format}} it {{problem}}.',
    },
    example: {
      invalid: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 1-web\nspec:\n  ports:\n  - port: 80\n',
    },
  },
  check(ctx) {
    const obj = ctx.object;
    if (!obj || !isKnownObject(obj.apiVersion, obj.kind)) return;
    check(ctx, ['metadata', 'name'], `${obj.kind} name`, objectNameFormat(obj.kind));
    check(ctx, ['metadata', 'namespace'], 'Namespace', LABEL);
    const pod = podSpecPath(obj.kind);
    if (pod) {
      for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
        each(ctx, [...pod, list], (c) => {
          check(ctx, [...c, 'name'], 'Container name', LABEL);
          each(ctx, [...c, 'ports'], (p) => check(ctx, [...p, 'name'], 'Container port name', PORT));
        });
      }
      each(ctx, [...pod, 'volumes'], (v) => check(ctx, [...v, 'name'], 'Volume name', LABEL));
    }
    if (obj.kind === 'Service') each(ctx, ['spec', 'ports'], (p) => check(ctx, [...p, 'name'], 'Service port name', LABEL));
  },
};
