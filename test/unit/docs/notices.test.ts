// THIRD_PARTY_NOTICES.md ships in the .vsix and must carry the licence notice of every npm package
// whose code is bundled into dist/extension.js and dist/server.js: the committed file must be the
// generator's output, list exactly the bundled packages, and keep the Kubernetes OpenAPI notice.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  collectBundledPackages,
  END_MARKER,
  isAllowedLicense,
  OUTPUT,
  packageDirOf,
  readPackage,
  renderNotices,
  START_MARKER,
  type BundledPackage,
} from '../../../scripts/generate-notices';

const ROOT = join(__dirname, '..', '..', '..');

/** `name version — licence` of every `### ` heading between the markers. */
function headings(text: string): string[] {
  const section = text.slice(text.indexOf(START_MARKER), text.indexOf(END_MARKER));
  // Licence texts are fenced; a `### ` inside them (none today) must not count as a package.
  const outsideFences = section.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '');
  return [...outsideFences.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
}

describe('THIRD_PARTY_NOTICES.md', () => {
  const committed = readFileSync(join(ROOT, OUTPUT), 'utf8');
  let packages: BundledPackage[];
  before(async () => {
    packages = await collectBundledPackages(ROOT);
  });

  it('is the generator output (run `npm run generate:notices` after changing dependencies or imports)', () => {
    assert.equal(committed, renderNotices(committed, packages));
  });

  it('has one section per bundled package and none for a package that is not bundled', () => {
    assert.deepEqual(
      headings(committed),
      packages.map((p) => `${p.name} ${p.version} — ${p.license}`),
    );
  });

  it('finds the runtime libraries the bundles are made of, in every bundle that uses them', () => {
    const byName = new Map(packages.map((p) => [p.name, p.bundles]));
    for (const name of ['yaml', 'cronstrue']) assert.deepEqual(byName.get(name), ['dist/extension.js', 'dist/serverThread.js'], name);
    // the relay (dist/server.js) frames the messages itself: it bundles no library
    for (const name of ['vscode-jsonrpc', 'vscode-languageserver-types'])
      assert.deepEqual(byName.get(name), ['dist/extension.js', 'dist/serverThread.js'], name);
    assert.deepEqual(byName.get('vscode-languageclient'), ['dist/extension.js']);
    assert.deepEqual(byName.get('vscode-languageserver'), ['dist/serverThread.js']);
    assert.deepEqual(byName.get('@bufbuild/cel'), ['dist/serverThread.js']);
  });

  it('names no test-only package or build tool', () => {
    const names = new Set(packages.map((p) => p.name));
    for (const name of [
      'cron-parser',
      'luxon',
      'esbuild',
      'typescript',
      'tsx',
      'fast-check',
      'mocha',
      'yaml-language-server',
      'prettier',
    ]) {
      assert.ok(!names.has(name), `${name} is not shipped but was found in the bundles`);
      assert.ok(!new RegExp(`^### ${name} `, 'm').test(committed), `${OUTPUT} has a section for ${name}, which is not bundled`);
    }
  });

  it('copies each licence file verbatim, under its package', () => {
    for (const p of packages) {
      const heading = `### ${p.name} ${p.version} — ${p.license}\n`;
      const at = committed.indexOf(heading);
      assert.ok(at >= 0, heading);
      const next = committed.indexOf('\n### ', at + heading.length);
      const section = committed.slice(at, next === -1 ? committed.indexOf(END_MARKER) : next);
      assert.ok(/copyright/i.test(p.licenseText), `the licence text of ${p.name} says nothing of copyright`);
      assert.ok(section.includes(`\n${p.licenseText}\n`), `the section of ${p.name} does not hold its ${p.licenseFile}`);
    }
    const yamlLicense = readFileSync(join(ROOT, 'node_modules/yaml/LICENSE'), 'utf8').trim();
    assert.ok(committed.includes(yamlLicense), 'the yaml licence is not copied verbatim');
  });

  it('keeps the Kubernetes OpenAPI notice above the generated section', () => {
    const k8s = committed.indexOf('## Kubernetes API specification (OpenAPI v3)');
    assert.ok(k8s > 0 && k8s < committed.indexOf(START_MARKER));
    assert.ok(committed.includes('Copyright The Kubernetes Authors.'));
  });
});

describe('renderNotices', () => {
  const pkg = (name: string, licenseText: string): BundledPackage => ({
    name,
    version: '1.2.3',
    license: 'MIT',
    licenseFile: 'LICENSE',
    licenseText,
    bundles: ['dist/extension.js', 'dist/server.js'],
  });

  it('appends the section the first time, then replaces only what lies between the markers', () => {
    const first = renderNotices('# Notices\n\nHand-written part.\n', [pkg('a', 'Copyright A')]);
    assert.ok(first.startsWith('# Notices\n\nHand-written part.\n\n' + START_MARKER));
    assert.ok(first.endsWith(END_MARKER + '\n'));
    const edited = first + '\nA footer by hand.\n';
    const second = renderNotices(edited, [pkg('b', 'Copyright B')]);
    assert.ok(second.startsWith('# Notices\n\nHand-written part.\n\n' + START_MARKER));
    assert.ok(second.endsWith(END_MARKER + '\n\nA footer by hand.\n'));
    assert.deepEqual(headings(second), ['b 1.2.3 — MIT']);
    assert.equal(renderNotices(second, [pkg('b', 'Copyright B')]), second);
  });

  it('says which bundles hold the package and fences the licence so that backticks inside survive', () => {
    const text = renderNotices('', [pkg('@scope/x', 'Copyright X\n```\nnot the end')]);
    assert.ok(text.includes('### @scope/x 1.2.3 — MIT\n\nBundled into `dist/extension.js` and `dist/server.js`.'));
    assert.ok(text.includes('\n````text\nCopyright X\n```\nnot the end\n````\n'));
  });

  it('refuses markers out of order', () => {
    assert.throws(() => renderNotices(`${END_MARKER}\n${START_MARKER}\n`, []), /out of order/);
  });
});

describe('packageDirOf', () => {
  const cases: [string, string | undefined][] = [
    ['node_modules/yaml/dist/index.js', 'node_modules/yaml'],
    ['node_modules/@scope/pkg/lib/a.js', 'node_modules/@scope/pkg'],
    [
      'node_modules/vscode-languageserver-protocol/node_modules/vscode-jsonrpc/lib/main.js',
      'node_modules/vscode-languageserver-protocol/node_modules/vscode-jsonrpc',
    ],
    ['node_modules/a/node_modules/@s/b/x.js', 'node_modules/a/node_modules/@s/b'],
    ['server/src/server.ts', undefined],
    ['client/src/my_node_modules/x.ts', undefined],
  ];
  for (const [input, expected] of cases) it(input, () => assert.equal(packageDirOf(input), expected));
});

describe('licence checks', () => {
  const cases: [string, boolean][] = [
    ['MIT', true],
    ['ISC', true],
    ['BlueOak-1.0.0', true],
    ['(MIT OR GPL-3.0-only)', true],
    ['MIT AND BSD-3-Clause', true],
    ['GPL-3.0-only', false],
    ['MIT AND GPL-2.0-only', false],
    ['UNLICENSED', false],
    ['SEE LICENSE IN LICENSE.txt', false],
  ];
  for (const [expression, allowed] of cases)
    it(`${expression} is ${allowed ? '' : 'not '}allowed`, () => assert.equal(isAllowedLicense(expression), allowed));

  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'k8sw-notices-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const fakePackage = (name: string, license: string | undefined, files: Record<string, string>): string => {
    const p = join(dir, name);
    mkdirSync(p);
    writeFileSync(join(p, 'package.json'), JSON.stringify({ name, version: '0.0.1', license }));
    for (const [f, text] of Object.entries(files)) writeFileSync(join(p, f), text);
    return p;
  };

  it('reads the licence file whatever its spelling, with LF line endings', () => {
    const p = readPackage(fakePackage('ok', 'MIT', { 'License.txt': '\r\nCopyright (c) Someone\r\n\r\nPermission granted.\r\n\r\n' }));
    assert.deepEqual(p, {
      name: 'ok',
      version: '0.0.1',
      license: 'MIT',
      licenseFile: 'License.txt',
      licenseText: 'Copyright (c) Someone\n\nPermission granted.',
    });
  });

  it('fails loudly on a package without a licence file', () => {
    assert.throws(() => readPackage(fakePackage('nofile', 'MIT', { 'README.md': 'hi' })), /nofile@0\.0\.1 .*has no LICENSE\/LICENCE file/);
  });

  it('fails loudly on a licence that is not permissive, or none', () => {
    assert.throws(() => readPackage(fakePackage('gpl', 'GPL-3.0-only', { LICENSE: 'GPL' })), /gpl@0\.0\.1 is licensed "GPL-3\.0-only"/);
    assert.throws(() => readPackage(fakePackage('none', undefined, { LICENSE: 'x' })), /none declares no SPDX licence/);
  });
});
