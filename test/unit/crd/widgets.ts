// The small CRD of test/fixtures/crds (every schema keyword the CRD support checks), read once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readCrd } from '../../../server/src/service/crd/read';
import type { CrdInfo, SchemaNode } from '../../../server/src/service/crd/types';

export const WIDGETS_PATH = join(__dirname, '..', '..', 'fixtures', 'crds', 'widgets.example.com.yaml');
export const WIDGETS_VALUE: unknown = parse(readFileSync(WIDGETS_PATH, 'utf8'));
export const WIDGETS: CrdInfo = readCrd(WIDGETS_VALUE)!;
export const WIDGET_V1: SchemaNode = WIDGETS.versions.find((v) => v.name === 'v1')!.schema!;

/** A valid Widget with `spec` merged over a valid one. */
export function widget(spec: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w1', namespace: 'default', labels: { app: 'w' } },
    spec: { size: 'small', parts: [{ name: 'p-1' }], ...spec },
    ...extra,
  };
}
