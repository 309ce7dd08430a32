// The Kubernetes API the language service is given: which releases exist, and a provider that
// reads the generated data (once, on first use) and builds one KubernetesApi per release.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubernetesApi, type ApiDataSource } from './kubernetesApi';
import type { ApiData } from './types';
import type { KubernetesVersion } from './versions';

export { KUBERNETES_VERSIONS, DEFAULT_KUBERNETES_VERSION, isKubernetesVersion } from './versions';
export type { KubernetesVersion } from './versions';

export { KubernetesApi } from './kubernetesApi';
export type { ApiDataSource, FieldInfo, Shape } from './kubernetesApi';

/** Where the generated JSON files are: beside the bundle in dist/, or in api/generated/ when run from source. */
function dataFile(name: string): string {
  const candidates = [join(__dirname, name), join(__dirname, 'generated', name)];
  for (const c of candidates) {
    try {
      return readFileSync(c, 'utf8');
    } catch {
      // try the next place
    }
  }
  throw new Error(`Kubernetes API data ${name} not found beside ${__dirname}`);
}

/** Reads the generated files from disk, each once, when first asked. */
export function fileDataSource(): ApiDataSource {
  let structure: ApiData | undefined;
  let descriptions: readonly string[] | undefined;
  return {
    structure: () => (structure ??= JSON.parse(dataFile('kubernetes-api.json')) as ApiData),
    descriptions: () => (descriptions ??= JSON.parse(dataFile('kubernetes-api-descriptions.json')) as string[]),
  };
}

/** One KubernetesApi per release over one data source (the releases share the data). */
export interface ApiProvider {
  get(version: KubernetesVersion): KubernetesApi;
}

export function createApiProvider(source: ApiDataSource = fileDataSource()): ApiProvider {
  const apis = new Map<string, KubernetesApi>();
  return {
    get(version) {
      let api = apis.get(version);
      if (!api) apis.set(version, (api = new KubernetesApi(version, source)));
      return api;
    },
  };
}
