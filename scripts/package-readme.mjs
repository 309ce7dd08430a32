// Writes the README the .vsix ships (the extension's page in VS Code's Extensions view) from the
// repository's README.md: its title and first paragraph, then the part between the two markers
// (what it looks like, how to use it, features, settings, command line, limitations) — not the
// development commands and sections.
// VS Code's extension page shows only https: and data: images, and the extension has no public
// repository to point relative links at, so screenshots are inlined as data: URIs and links into
// the repository become their plain text. test/package/vsix.test.ts checks the result.
// usage: node scripts/package-readme.mjs [out-file]   (default out/package/README.md)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const START = "<!-- The extension's page (the packaged README) is this part";
export const END = "<!-- End of the extension's page. -->";
const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml' };

/** GitHub-style anchor of a heading. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

export function packageReadme(readme, root = repo) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md lacks the markers of the extension page');
  const title = /^# .+\n/.exec(readme)?.[0];
  if (!title) throw new Error('README.md has no title');
  const intro = readme.slice(title.length).trimStart().split(/\n\n/)[0];
  const body = readme.slice(readme.indexOf('\n', start) + 1, end).trim();
  let text = `${title}\n${intro}\n\n${body}\n`;
  // images: inline every local one
  text = text.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (all, alt, src) => {
    if (/^(https:|data:)/.test(src)) return all;
    if (/^[a-z]+:/i.test(src)) throw new Error(`image ${src}: only local files, https: and data: images`);
    const mime = MIME[extname(src).toLowerCase()];
    if (!mime) throw new Error(`image ${src}: unknown type`);
    return `![${alt}](data:${mime};base64,${readFileSync(join(root, src)).toString('base64')})`;
  });
  // links: keep web links and anchors of this page; the rest point into the repository
  const anchors = new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
  text = text.replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (all, label, href) => {
    if (/^(https?:|mailto:)/.test(href)) return all;
    if (href.startsWith('#') && anchors.has(href.slice(1))) return all;
    return label;
  });
  return text;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(repo, 'out', 'package', 'README.md'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, packageReadme(readFileSync(join(repo, 'README.md'), 'utf8')));
  console.log(`package-readme: wrote ${out}`);
}
