// npm run bench (second part): ten operator-sized CRDs in the workspace. Each is the Gateway API
// HTTPRoute CRD (shared/corpus/crds) with its v1 schema repeated as a third version — about
// 650 KB, like the Prometheus operator's — in a group of its own. Over stdio LSP with the real
// server: the time from start to the end of the workspace index, the resident memory then, the
// time from opening a custom resource to its diagnostics (its CRD's schema read and its CEL
// rules planned on the way), and the memory after; each against the same workspace without CRDs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../test/protocol/lspClient';

const ROOT = path.resolve(__dirname, '..');
const HTTPROUTE = path.resolve(ROOT, '..', 'shared', 'corpus', 'crds', 'gateway-api', 'crds', 'gateway.networking.k8s.io_httproutes.yaml');
const COUNT = Number(process.env.BENCH_CRDS ?? 10);

const route = (group: string) => `apiVersion: ${group}/v1
kind: HTTPRoute
metadata:
  name: r
spec:
  parentRefs:
  - nmae: gw
  rules:
  - backendRefs:
    - name: svc
      port: 8080
`;

/** An operator-sized CRD: HTTPRoute's, with v1's block repeated as a third, unserved version. */
function bigCrd(group: string): string {
  const text = fs.readFileSync(HTTPROUTE, 'utf8').replace(/gateway\.networking\.k8s\.io/g, group);
  const start = text.indexOf('\n  - additionalPrinterColumns:');
  const second = text.indexOf('\n  - additionalPrinterColumns:', start + 1);
  const v1 = text
    .slice(start, second)
    .replace('\n    name: v1\n', '\n    name: v1alpha9\n')
    .replace('served: true', 'served: false')
    .replace('storage: true', 'storage: false');
  return text.slice(0, second) + v1 + text.slice(second);
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function measure(
  withCrds: boolean,
): Promise<{ indexMs: number; rssIndexed: number; firstDiagnosticsMs: number; rssAfter: number; crdBytes: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-bench-crds-'));
  let crdBytes = 0;
  try {
    if (withCrds)
      for (let i = 0; i < COUNT; i++) {
        const text = bigCrd(`bench${i}.example.com`);
        crdBytes += text.length;
        fs.mkdirSync(path.join(dir, 'crds'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'crds', `crd-${i}.yaml`), text);
      }
    const crUri = pathToFileURL(path.join(dir, 'route.yaml')).toString();
    const t0 = performance.now();
    let indexed!: () => void;
    const indexDone = new Promise<void>((r) => (indexed = r));
    const client = await startServer({ rootUri: pathToFileURL(dir).toString(), diagnosticsTimeoutMs: 60_000 });
    client.connection.onNotification('window/logMessage', (p: { message: string }) => {
      if (/^Indexed \d+ manifest files/.test(p.message)) indexed();
    });
    await indexDone;
    const indexMs = performance.now() - t0;
    const rssIndexed = rssMb(client.process.pid);
    const t1 = performance.now();
    const text = route('bench3.example.com');
    const diagnostics = client.nextDiagnostics(crUri, (p) => !withCrds || p.diagnostics.some((d) => d.code === 'unknown-field'));
    void client.open(crUri, text).catch(() => undefined);
    await diagnostics;
    const firstDiagnosticsMs = performance.now() - t1;
    const rssAfter = rssMb(client.process.pid);
    await client.stop();
    return { indexMs, rssIndexed, firstDiagnosticsMs, rssAfter, crdBytes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const without = await measure(false);
  const withCrds = await measure(true);
  const f = (n: number) => n.toFixed(0);
  console.log(`\nTen operator-sized CRDs (${COUNT} × ${f(withCrds.crdBytes / COUNT / 1024)} KB) in the workspace`);
  console.log('| | without CRDs | with CRDs | difference |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| start to index ready (ms) | ${f(without.indexMs)} | ${f(withCrds.indexMs)} | ${f(withCrds.indexMs - without.indexMs)} |`);
  console.log(
    `| RSS, index ready (MB) | ${f(without.rssIndexed)} | ${f(withCrds.rssIndexed)} | ${f(withCrds.rssIndexed - without.rssIndexed)} |`,
  );
  console.log(
    `| open a custom resource to its diagnostics (ms) | ${f(without.firstDiagnosticsMs)} | ${f(withCrds.firstDiagnosticsMs)} | ${f(withCrds.firstDiagnosticsMs - without.firstDiagnosticsMs)} |`,
  );
  console.log(`| RSS after (MB) | ${f(without.rssAfter)} | ${f(withCrds.rssAfter)} | ${f(withCrds.rssAfter - without.rssAfter)} |`);
}

void main().catch((err: Error) => {
  console.error(err.stack ?? String(err));
  process.exitCode = 1;
});
