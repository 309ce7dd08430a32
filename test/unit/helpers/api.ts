// The Kubernetes API for unit tests: one provider over the generated data, shared by every test
// file of a run (the data is read once), and the API of a release from it.
import { createApiProvider, DEFAULT_KUBERNETES_VERSION, type KubernetesVersion } from '../../../server/src/service/api/index';
import type { KubernetesApi } from '../../../server/src/service/api/kubernetesApi';

export const TEST_APIS = createApiProvider();

export function testApi(version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION): KubernetesApi {
  return TEST_APIS.get(version);
}
