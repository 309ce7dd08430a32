// Links from a diagnostic's code to its rule's section of docs/rules.md (codeDescription.href).
// VS Code opens a file: link in the text editor and moves to a `#L<line>` fragment, but ignores
// a heading anchor such as `#unknown-field` (the editor would show the top of an 1,800-line
// file), so each rule's link carries the line of its `## <rule-id>` heading.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** `id → link` for the rules document at `fileUri` with the given text; a heading anchor for ids it does not have. */
export function ruleDocLinks(markdown: string, fileUri: string): (ruleId: string) => string {
  const lines = new Map<string, number>();
  markdown.split('\n').forEach((line, i) => {
    const m = /^## (\S+)\s*$/.exec(line);
    if (m && !lines.has(m[1])) lines.set(m[1], i + 1);
  });
  return (ruleId) => {
    const line = lines.get(ruleId);
    return line === undefined ? `${fileUri}#${ruleId}` : `${fileUri}#L${line}`;
  };
}

/** The links into the rules document at `path` (read once; heading anchors if it cannot be read). */
export function ruleDocLinksFor(path: string): (ruleId: string) => string {
  const uri = pathToFileURL(path).toString();
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // an unpacked development tree without docs: the anchors still name the rule
  }
  return ruleDocLinks(text, uri);
}
