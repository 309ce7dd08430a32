// Facts about a manifest the wizard or a snippet writes, checked without the product's own code (no
// rules, no schema, no quantity parser of the service): written from the Kubernetes documentation, so
// a mistake the generator and the rules share cannot hide behind "the rules find nothing".
import assert from 'node:assert/strict';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The PodSpec of a Pod, of a CronJob's job template, or of a workload's template; undefined for other kinds. */
export function podSpecOf(o: Obj): Obj | undefined {
  if (o.kind === 'Pod') return o.spec;
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(o.kind)) return o.spec?.template?.spec;
  return undefined;
}

function containersOf(podSpec: Obj): Obj[] {
  return [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])];
}

/**
 * What the kubelet decides for each container (verifyRunAsNonRoot): runAsNonRoot and runAsUser are
 * each the container's own value, else the pod's. A container must not run as root: runAsNonRoot:
 * true, or a non-zero runAsUser; and runAsNonRoot: true with runAsUser: 0 never starts at all.
 */
export function rootProblems(o: Obj): string[] {
  const podSpec = podSpecOf(o);
  if (!podSpec) return [];
  const pod = podSpec.securityContext ?? {};
  const out: string[] = [];
  for (const c of containersOf(podSpec)) {
    const own = c.securityContext ?? {};
    const nonRoot = own.runAsNonRoot ?? pod.runAsNonRoot;
    const user = own.runAsUser ?? pod.runAsUser;
    if (nonRoot === true && user === 0) out.push(`${c.name}: runAsNonRoot: true with runAsUser: 0 — the kubelet refuses to start it`);
    else if (user === 0) out.push(`${c.name}: runAsUser: 0 runs as root`);
    else if (nonRoot !== true && !(typeof user === 'number' && user > 0)) out.push(`${c.name}: may run as root`);
  }
  return out;
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A resource.Quantity as a number: `500m`, `2`, `8Gi`, `1e3`; throws on anything else. */
export function quantity(q: unknown): number {
  if (typeof q === 'number') return q;
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([numkMGTPE]?)|[eE]([+-]?\d+))$/.exec(String(q));
  assert.ok(m, `not a Kubernetes quantity: ${String(q)}`);
  const n = Number(m[1]);
  if (m[2]) return n * BINARY[m[2]];
  if (m[4] !== undefined) return n * 10 ** Number(m[4]);
  return n * DECIMAL[m[3] ?? ''];
}

/** Every container requests cpu and memory, sets limits for both, and no request is above its limit. */
export function resourceProblems(o: Obj): string[] {
  const podSpec = podSpecOf(o);
  if (!podSpec) return [];
  const out: string[] = [];
  for (const c of podSpec.containers ?? []) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (requests[r] === undefined) out.push(`${c.name}: no requests.${r}`);
      if (limits[r] === undefined) out.push(`${c.name}: no limits.${r}`);
    }
    for (const [r, req] of Object.entries(requests))
      if (limits[r] !== undefined && quantity(req) > quantity(limits[r]))
        out.push(`${c.name}: requests.${r} ${String(req)} above limits.${r} ${String(limits[r])}`);
  }
  return out;
}

/** Every fact above for each object of a manifest. */
export function assertPodFacts(objects: readonly Obj[], label = ''): void {
  const problems = objects.flatMap((o) => [...rootProblems(o), ...resourceProblems(o)].map((p) => `${o.kind} ${o.metadata?.name}: ${p}`));
  assert.deepEqual(problems, [], label);
}

function at(o: unknown, path: readonly (string | number)[]): unknown {
  let v = o;
  for (const p of path) v = v && typeof v === 'object' ? (v as Obj)[p] : undefined;
  return v;
}

/**
 * Where the generated object differs from the guide's example of the same pattern, over the settings
 * the guide's example states (resources compared as quantities; env by name; ports by number).
 */
export function guideDifferences(generated: Obj, guide: Obj): string[] {
  const out: string[] = [];
  const same = (what: string, g: unknown, w: unknown) => {
    if (w !== undefined && JSON.stringify(g) !== JSON.stringify(w))
      out.push(`${what}: guide ${JSON.stringify(w)}, generated ${JSON.stringify(g)}`);
  };
  for (const f of ['replicas', 'serviceName', 'schedule', 'concurrencyPolicy', 'completions', 'parallelism', 'completionMode'])
    same(`spec.${f}`, at(generated, ['spec', f]), at(guide, ['spec', f]));
  const jobOf = (o: Obj) => (o.kind === 'CronJob' ? at(o, ['spec', 'jobTemplate', 'spec']) : o.kind === 'Job' ? o.spec : undefined);
  for (const f of ['backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'])
    same(`job ${f}`, at(jobOf(generated), [f]), at(jobOf(guide), [f]));
  const vct = (o: Obj) => at(o, ['spec', 'volumeClaimTemplates', 0]);
  same('volumeClaimTemplates[0] name', at(vct(generated), ['metadata', 'name']), at(vct(guide), ['metadata', 'name']));
  same(
    'volumeClaimTemplates[0] storageClassName',
    at(vct(generated), ['spec', 'storageClassName']),
    at(vct(guide), ['spec', 'storageClassName']),
  );
  const storage = at(vct(guide), ['spec', 'resources', 'requests', 'storage']);
  if (storage !== undefined) {
    const g = at(vct(generated), ['spec', 'resources', 'requests', 'storage']);
    if (g === undefined || quantity(g) !== quantity(storage)) out.push(`storage: guide ${String(storage)}, generated ${String(g)}`);
  }
  const gp = podSpecOf(generated);
  const wp = podSpecOf(guide);
  same('restartPolicy', gp?.restartPolicy, wp?.restartPolicy);
  const gc: Obj = gp?.containers?.[0] ?? {};
  const wc: Obj = wp?.containers?.[0] ?? {};
  same('container name', gc.name, wc.name);
  for (const side of ['requests', 'limits'])
    for (const [r, q] of Object.entries((wc.resources?.[side] ?? {}) as Obj)) {
      const g = gc.resources?.[side]?.[r];
      if (g === undefined || quantity(g) !== quantity(q)) out.push(`${side}.${r}: guide ${String(q)}, generated ${String(g)}`);
    }
  same(
    'container ports',
    (gc.ports ?? []).map((p: Obj) => p.containerPort),
    wc.ports?.map((p: Obj) => p.containerPort),
  );
  for (const e of (wc.env ?? []) as Obj[]) {
    const g = ((gc.env ?? []) as Obj[]).find((x) => x.name === e.name);
    // TOTAL_BATCHES and the like follow the answers; the guide's other env values are the pattern's.
    same(`env ${e.name}`, g && (g.value ?? g.valueFrom), e.value ?? e.valueFrom);
  }
  same(
    'volumeMounts',
    (gc.volumeMounts ?? []).map((m: Obj) => m.mountPath),
    wc.volumeMounts?.map((m: Obj) => m.mountPath),
  );
  return out;
}
