// missing-headless-service: a StatefulSet's serviceName names a Service that exists nowhere — not in
// the file, not in the workspace. Without it the pods get no stable DNS names.
import { stringify } from 'yaml';
import { appendDocument, documentStyle } from '../manifest/edit';
import { getAt, rangeOfValue } from '../manifest/navigate';
import type { ManifestDocument, ManifestFile } from '../manifest/types';
import { namespaceOf, sameNamespace, servicesNamed } from '../workspace/match';
import { containersOf } from '../k8s/podSpec';
import type { CrossDocumentRule } from './types';
import { labelMap } from '../k8s/labels';

const nonEmpty = (m: Record<string, string> | undefined) => (m && Object.keys(m).length ? m : undefined);

interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
}

/** One Service port per distinct container port (containers only; init containers serve nothing). */
export function servicePortsFrom(value: unknown, kind: string): ServicePort[] {
  const ports: ServicePort[] = [];
  const seen = new Set<string>();
  for (const { container, list } of containersOf(value, kind)) {
    if (list !== 'containers' || !Array.isArray(container.ports)) continue;
    for (const p of container.ports as unknown[]) {
      if (!p || typeof p !== 'object') continue;
      const r = p as Record<string, unknown>;
      if (typeof r.containerPort !== 'number' || !Number.isInteger(r.containerPort)) continue;
      const protocol = typeof r.protocol === 'string' && r.protocol !== 'TCP' ? r.protocol : undefined;
      const key = `${r.containerPort}/${protocol ?? 'TCP'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ports.push({ name: typeof r.name === 'string' && r.name ? r.name : undefined, port: r.containerPort, protocol });
    }
  }
  // The API requires a name on every port of a multi-port Service, unique within it.
  if (ports.length > 1) {
    const names = new Set<string>();
    for (const p of ports) {
      let name = p.name && !names.has(p.name) ? p.name : `${(p.protocol ?? 'tcp').toLowerCase()}-${p.port}`;
      for (let i = 2; names.has(name); i++) name = `port-${p.port}-${i}`;
      names.add(name);
      p.name = name;
    }
  }
  return ports;
}

/** The YAML text of a headless Service for the StatefulSet document, in the document's indentation style. */
export function headlessServiceYaml(doc: ManifestDocument, name: string): string {
  const value = doc.value;
  const kind = doc.object?.kind ?? 'StatefulSet';
  const namespace = doc.object?.namespace;
  const selector =
    nonEmpty(labelMap(getAt(value, ['spec', 'template', 'metadata', 'labels']))) ??
    nonEmpty(labelMap(getAt(value, ['spec', 'selector', 'matchLabels'])));
  const ports = servicePortsFrom(value, kind);
  const spec: Record<string, unknown> = { clusterIP: 'None' };
  if (selector) spec.selector = selector;
  if (ports.length)
    spec.ports = ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, ...(p.protocol ? { protocol: p.protocol } : {}) }));
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec,
  };
  const style = documentStyle(doc);
  return stringify(service, { indent: style.indent, indentSeq: !style.compactSeq, lineWidth: 0 });
}

/** A Service of that name and namespace among the documents of this file (the index holds them too; this is belt and braces). */
function inFile(file: ManifestFile, name: string, from: { namespace?: string }): boolean {
  return file.documents.some((d) => d.object?.kind === 'Service' && d.object.name === name && sameNamespace(d.object, from));
}

export const missingHeadlessService: CrossDocumentRule = {
  meta: {
    id: 'missing-headless-service',
    name: 'StatefulSet names a Service that does not exist',
    severity: 'warning',
    kinds: ['StatefulSet'],
    description: "A StatefulSet's `serviceName` names a Service found neither in the file nor anywhere in the workspace.",
    rationale:
      'A StatefulSet gives each pod a stable DNS name, `<pod>.<serviceName>.<namespace>.svc.cluster.local` (postgres-0.postgres.default.svc.cluster.local), ' +
      'but only through a headless Service (`clusterIP: None`) called exactly `serviceName`. The API server accepts the StatefulSet without it, the pods start, ' +
      'and then peers cannot find each other: the guide lists "DNS not resolving — missing headless Service" among the common StatefulSet issues. ' +
      'The check looks in every YAML file of the workspace folders, in the same namespace (an absent namespace counts as `default`).',
    guideSection: 'StatefulSet — DNS Resolution; Common Issues',
    fixable: true,
    onPatch: 'skip',
    crossDocument: true,
    messages: {
      missing:
        'StatefulSet {{statefulSet}} names Service "{{service}}" in serviceName, but no Service {{service}} exists in namespace {{namespace}} (this file or the workspace): ' +
        'its pods get no DNS names like {{statefulSet}}-0.{{service}}. Add a headless Service (clusterIP: None) named {{service}}.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  selector:\n    matchLabels:\n      app: postgres\n' +
        '  template:\n    metadata:\n      labels:\n        app: postgres\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.4\n' +
        '          ports:\n            - containerPort: 5432\n',
      fixed:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  selector:\n    matchLabels:\n      app: postgres\n' +
        '  template:\n    metadata:\n      labels:\n        app: postgres\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.4\n' +
        '          ports:\n            - containerPort: 5432\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  clusterIP: None\n' +
        '  selector:\n    app: postgres\n  ports:\n    - port: 5432\n',
    },
  },
  check(ctx) {
    const object = ctx.object;
    const serviceName = getAt(ctx.value, ['spec', 'serviceName']);
    if (!object || typeof serviceName !== 'string' || !serviceName.trim()) return;
    if (servicesNamed(ctx.workspace, serviceName, object).length > 0 || inFile(ctx.file, serviceName, object)) return;
    const [start, end] = rangeOfValue(ctx.doc, ['spec', 'serviceName']);
    ctx.report({
      start,
      end,
      messageId: 'missing',
      data: { statefulSet: object.name ?? '(unnamed)', service: serviceName, namespace: namespaceOf(object) },
      fixes: [
        {
          title: `Add a headless Service "${serviceName}" to this file`,
          edits: appendDocument(ctx.doc, headlessServiceYaml(ctx.doc, serviceName)),
          isPreferred: true,
          // Not safe for fix-all: the Service may live in a file the workspace does not index.
          safe: false,
        },
      ],
    });
  },
};
