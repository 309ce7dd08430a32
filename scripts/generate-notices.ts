// Writes the section of THIRD_PARTY_NOTICES.md that lists the npm packages bundled into the
// shipped bundles (dist/extension.js, dist/server.js): their licences require their copyright and
// licence notice to travel with their code. It bundles the two entry points in memory exactly as
// scripts/build.mjs does (scripts/bundles.mjs), reads which packages' files reach the output
// (esbuild's metafile, bytesInOutput > 0), and copies each one's licence file verbatim.
//
//   npx tsx scripts/generate-notices.ts           (npm run generate:notices)
//   npx tsx scripts/generate-notices.ts --check   (exit 1 when the committed file is stale)
//
// It fails when a bundled package has no licence file or a licence outside ALLOWED_LICENSES.
// test/unit/docs/notices.test.ts asserts the committed file equals the generator's output.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const OUTPUT = 'THIRD_PARTY_NOTICES.md';
export const START_MARKER = '<!-- bundled-npm-packages:start -->';
export const END_MARKER = '<!-- bundled-npm-packages:end -->';
const ROOT = resolve(__dirname, '..');

/**
 * Permissive licences whose only condition that matters here is to ship the notice (SPDX ids).
 * BlueOak-1.0.0 (minimatch) is a permissive licence of the same kind as MIT.
 */
export const ALLOWED_LICENSES: readonly string[] = ['0BSD', 'Apache-2.0', 'BlueOak-1.0.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MIT'];

/** A licence file at the root of a package: LICENSE, LICENCE, License.txt, license.md… */
const LICENSE_FILE = /^licen[cs]e(\.(md|markdown|txt))?$/i;

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The licence file's name inside the package, e.g. `LICENSE`. */
  licenseFile: string;
  /** Its text, verbatim but for line endings (LF) and surrounding blank lines. */
  licenseText: string;
  /** The shipped bundles that contain some of its code, e.g. `dist/server.js`. */
  bundles: string[];
}

/**
 * The package directory of a metafile input (a path relative to the working directory), e.g.
 * `node_modules/a/node_modules/@s/b/lib/x.js` → `node_modules/a/node_modules/@s/b`; undefined for the project's own files.
 */
export function packageDirOf(input: string): string | undefined {
  const m = /^(.*\bnode_modules\/(?:@[^/]+\/)?[^/@][^/]*)\//.exec(input.replace(/\\/g, '/'));
  return m?.[1];
}

/** Whether an SPDX expression (`MIT`, `(MIT OR Apache-2.0)`, `A AND B`) only needs licences we allow. */
export function isAllowedLicense(expression: string): boolean {
  const bare = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/[()]/.test(bare)) return false; // nested expressions: not worth guessing, a human decides
  return bare.split(/\s+OR\s+/).some((alternative) => alternative.split(/\s+AND\s+/).every((id) => ALLOWED_LICENSES.includes(id.trim())));
}

/** The first `Copyright …` comment line of a package's code (its index.js, else the first .js file below dist/cjs that has one). */
function copyrightLine(dir: string): string | undefined {
  const candidates = ['dist/cjs/index.js', 'dist/esm/index.js', 'index.js'];
  try {
    for (const f of readdirSync(join(dir, 'dist', 'cjs'), { recursive: true })
      .map(String)
      .sort())
      if (f.endsWith('.js')) candidates.push(join('dist', 'cjs', f));
  } catch {
    // no dist/cjs
  }
  for (const f of candidates) {
    try {
      const m = /^\/\/ (Copyright .+)$/m.exec(readFileSync(join(dir, f), 'utf8'));
      if (m) return m[1].trim();
    } catch {
      // not there
    }
  }
  return undefined;
}

/** The first BSD licence comment (`// Copyright … Redistribution and use …`) of the .js files below `dir`. */
function bsdNotice(dir: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }).map(String).sort();
  } catch {
    return undefined;
  }
  for (const f of entries) {
    if (!f.endsWith('.js')) continue;
    const text = readFileSync(join(dir, f), 'utf8');
    if (!text.includes('Redistribution and use in source and binary forms')) continue;
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('Redistribution and use in source and binary forms'));
    let start = at;
    while (start > 0 && lines[start - 1].startsWith('//')) start--;
    let end = at;
    while (end + 1 < lines.length && lines[end + 1].startsWith('//')) end++;
    return lines
      .slice(start, end + 1)
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n')
      .trim();
  }
  return undefined;
}

/** Reads name, version, licence and licence text of the package in `dir`; throws when it cannot be shipped as is. */
export function readPackage(dir: string): Omit<BundledPackage, 'bundles'> {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown; license?: unknown };
  const name = String(manifest.name ?? dir);
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string')
    throw new Error(`${dir}/package.json has no name or version: cannot credit the bundled package`);
  if (typeof manifest.license !== 'string')
    throw new Error(`bundled package ${name} declares no SPDX licence in package.json ("license"): check its terms by hand`);
  if (!isAllowedLicense(manifest.license))
    throw new Error(
      `bundled package ${name}@${manifest.version} is licensed "${manifest.license}", which is not one of the allowed permissive licences ` +
        `(${ALLOWED_LICENSES.join(', ')}): remove it from the bundles or review its terms and extend ALLOWED_LICENSES`,
    );
  const files = readdirSync(dir)
    .filter((f) => LICENSE_FILE.test(f))
    .sort();
  if (files.length === 0) {
    // Apache-2.0 packages that ship no licence file (Buf's @bufbuild/*): their copyright line from
    // the code, then the Apache License 2.0 text (this repository's own LICENSE is that text).
    // A package that is also BSD-3-Clause (@bufbuild/protobuf: Google's code) carries that notice in its code.
    const apacheOnly = manifest.license === 'Apache-2.0';
    const withBsd = /^\(?Apache-2\.0 AND BSD-3-Clause\)?$/.test(manifest.license);
    const copyright = apacheOnly || withBsd ? copyrightLine(dir) : undefined;
    const bsd = withBsd ? bsdNotice(join(dir, 'dist', 'cjs')) : undefined;
    if (!copyright || (withBsd && !bsd))
      throw new Error(`bundled package ${name}@${manifest.version} (${dir}) has no LICENSE/LICENCE file: its notice cannot be copied`);
    const apache = readFileSync(join(ROOT, 'LICENSE'), 'utf8').replace(/\r\n?/g, '\n').trim();
    let licenseText = `${copyright}\n\nLicensed under the Apache License, Version 2.0 (the package declares it and ships no licence file):\n\n${apache}`;
    if (bsd) licenseText += `\n\nParts are under the BSD-3-Clause licence, as their code says:\n\n${bsd}`;
    return { name, version: manifest.version, license: manifest.license, licenseFile: '(none)', licenseText };
  }
  const licenseText = readFileSync(join(dir, files[0]), 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  if (licenseText === '') throw new Error(`the licence file ${dir}/${files[0]} of ${name} is empty`);
  return { name, version: manifest.version, license: manifest.license, licenseFile: files[0], licenseText };
}

/** Bundles the shipped entry points in memory, as scripts/build.mjs does, and lists the npm packages whose code is in them. */
export async function collectBundledPackages(root = ROOT): Promise<BundledPackage[]> {
  const { commonOptions, SHIPPED_BUNDLES } = await import('./bundles.mjs');
  const dirs = new Map<string, Set<string>>(); // package dir → bundles
  for (const bundle of SHIPPED_BUNDLES) {
    const result = await esbuild.build({
      ...commonOptions(),
      ...bundle,
      absWorkingDir: root,
      write: false,
      metafile: true,
      logLevel: 'error',
    });
    for (const output of Object.values(result.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const dir = packageDirOf(input);
        if (dir === undefined || bytesInOutput === 0) continue;
        if (!dirs.has(dir)) dirs.set(dir, new Set());
        dirs.get(dir)!.add(bundle.outfile);
      }
    }
  }
  const packages = new Map<string, BundledPackage>(); // name@version: two copies of one version are one notice
  for (const [dir, bundles] of dirs) {
    const pkg = readPackage(join(root, dir));
    const key = `${pkg.name}@${pkg.version}`;
    const known = packages.get(key);
    if (known) {
      for (const b of bundles) if (!known.bundles.includes(b)) known.bundles.push(b);
    } else packages.set(key, { ...pkg, bundles: [...bundles] });
  }
  for (const p of packages.values()) p.bundles.sort();
  return [...packages.values()].sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));
}

/** A fenced block that survives backticks inside the text. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const f = '`'.repeat(longest + 1);
  return `${f}text\n${text}\n${f}`;
}

/** The section between the markers (markers included). */
export function renderPackagesSection(packages: readonly BundledPackage[]): string {
  const out: string[] = [START_MARKER];
  out.push('<!-- Generated by scripts/generate-notices.ts from the bundles. Do not edit: run `npm run generate:notices`. -->');
  out.push('');
  out.push('## npm packages bundled into the extension');
  out.push('');
  out.push(
    'The extension (`dist/extension.js`) and its language server (`dist/server.js`, which runs `dist/serverThread.js`) are esbuild bundles that contain code of ' +
      'the following npm packages. Each is listed with its version, its licence and the bundles that include it, followed by ' +
      'its copyright and licence notice as the package ships it.',
  );
  for (const p of packages) {
    out.push('');
    out.push(`### ${p.name} ${p.version} — ${p.license}`);
    out.push('');
    const from = p.licenseFile.startsWith('(')
      ? 'It ships no licence file: its copyright line and the text of the licence it declares'
      : `Licence text from its \`${p.licenseFile}\``;
    out.push(`Bundled into ${p.bundles.map((b) => `\`${b}\``).join(' and ')}. ${from}:`);
    out.push('');
    out.push(fence(p.licenseText));
  }
  out.push('');
  out.push(END_MARKER);
  return out.join('\n');
}

/** The notices file with its generated section replaced (or appended after the rest, the first time). */
export function renderNotices(current: string, packages: readonly BundledPackage[]): string {
  const section = renderPackagesSection(packages);
  const start = current.indexOf(START_MARKER);
  const end = current.indexOf(END_MARKER);
  if (start === -1 && end === -1) return `${current.trimEnd()}\n\n${section}\n`;
  if (start === -1 || end < start) throw new Error(`${OUTPUT}: the markers ${START_MARKER} … ${END_MARKER} are missing or out of order`);
  return current.slice(0, start) + section + current.slice(end + END_MARKER.length);
}

/** What THIRD_PARTY_NOTICES.md should hold now. */
export async function generateNotices(root = ROOT): Promise<{ text: string; packages: BundledPackage[] }> {
  const packages = await collectBundledPackages(root);
  return { text: renderNotices(readFileSync(join(root, OUTPUT), 'utf8'), packages), packages };
}

async function main(): Promise<void> {
  const target = join(ROOT, OUTPUT);
  const { text, packages } = await generateNotices();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error(`${OUTPUT} is out of date with the bundled npm packages: run \`npm run generate:notices\` and commit the result.`);
      process.exitCode = 1;
    } else console.log(`${OUTPUT} is up to date (${packages.length} bundled packages)`);
    return;
  }
  writeFileSync(target, text);
  console.log(`wrote ${OUTPUT} (${packages.length} bundled packages)`);
}

if (/generate-notices\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
