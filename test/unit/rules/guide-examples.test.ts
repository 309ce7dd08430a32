// The guide's 15 example manifests, linted together as one workspace with every rule: each
// finding must be one the example truly deserves, listed with its reason in docs/guide-examples.md.
// A rule that starts flagging an example fails here until the finding is fixed or documented.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, WorkspaceIndex } from '../../../server/src/service/index';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import { GUIDE_MANIFESTS, PARTITION_SNIPPET } from './guide-examples';

const EXAMPLES: Readonly<Record<string, string>> = { ...GUIDE_MANIFESTS, PARTITION_SNIPPET };
const slug = (key: string) => key.toLowerCase().replace(/_/g, '-');

/** `example rule` for every diagnostic of every example. */
function findings(): string[] {
  const index = new WorkspaceIndex();
  const docs = Object.entries(EXAMPLES).map(([key, text]) => {
    const d = TextDocument.create(`file:///guide/${slug(key)}.yaml`, 'yaml', 1, text);
    index.setFile(parseManifest(d.uri, text), d);
    return [slug(key), d] as const;
  });
  index.complete = true;
  const service = getLanguageService({ workspace: index });
  return [...new Set(docs.flatMap(([name, d]) => service.doValidation(d).map((g) => `${name} ${String(g.code)}`)))].sort();
}

/** `example rule` for every row of the docs table, with its reason. */
function documented(): Map<string, string> {
  const md = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'guide-examples.md'), 'utf8');
  const rows = new Map<string, string>();
  for (const m of md.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*\[([a-z0-9-]+)\]\([^)]*\)\s*\|\s*(.+?)\s*\|$/gm))
    rows.set(`${m[1]} ${m[2]}`, m[3].trim());
  return rows;
}

test('the guide has 15 examples', () => assert.equal(Object.keys(EXAMPLES).length, 15));

test("every finding on the guide's examples is listed, with its reason, in docs/guide-examples.md — and nothing else is", () => {
  const docs = documented();
  assert.deepEqual(
    findings(),
    [...docs.keys()].sort(),
    'a rule now flags a guide example (or stopped flagging one): fix the rule, or list the finding and why the example deserves it in docs/guide-examples.md',
  );
  for (const [row, reason] of docs) assert.ok(reason.length > 20, `a reason for ${row}`);
});
