// Text shared by completion and hover: YAML scalars that read back as the intended value, and
// markdown for a field of the Kubernetes API.
import type { FieldInfo } from '../api/kubernetesApi';

export { yamlScalar } from '../text/yamlScalar';

/** Escapes text for a snippet (outside placeholders). */
export function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Escapes a value for a snippet choice `${1|a,b|}`. */
export function choiceEscape(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}

function inlineCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export function formatDefault(value: unknown): string {
  return inlineCode(typeof value === 'string' ? value : JSON.stringify(value));
}

/** One line: `integer (int32)` · required · default `1`. */
export function fieldSummary(field: FieldInfo): string {
  const parts = [inlineCode(field.type)];
  parts.push(field.required ? '**required**' : 'optional');
  if (field.default !== undefined) parts.push(`default ${formatDefault(field.default)}`);
  if (field.allowedValues?.length) parts.push(`one of ${field.allowedValues.map(inlineCode).join(', ')}`);
  return parts.join(' · ');
}

/** The API description as markdown: its URLs become links. */
export function descriptionMarkdown(description: string): string {
  return description.replace(/(^|[\s(])(https?:\/\/[^\s)]+[^\s).,;])/g, '$1[$2]($2)');
}

/** Markdown for a field: path (with the Kubernetes release it is read from), summary line, API description. */
export function fieldMarkdown(field: FieldInfo, options: { path?: boolean; release?: string } = {}): string {
  const lines: string[] = [];
  if (options.path !== false) lines.push(`**${inlineCode(field.path)}**${options.release ? ` · ${options.release}` : ''}`, '');
  lines.push(fieldSummary(field));
  if (field.description) lines.push('', descriptionMarkdown(field.description));
  return lines.join('\n');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What the API description says a value means, when it explains it (`"Forbid": forbids
 * concurrent runs…`, `Never: never pull the image`); undefined when it merely lists the value.
 */
export function valueMeaning(description: string, value: string): string | undefined {
  const text = description.replace(/\n[ \t]+/g, ' ');
  const re = new RegExp(
    `(?:^|[\\s(*-])["\`']?${escapeRe(value)}["\`']?\\s*(\\(default\\))?\\s*` +
      `(?:(?::|-|means(?: that)?|indicates(?: that)?)\\s+|(?=(?:will|tells|causes|allocates)\\s))` +
      `([^;\\n]+?)(?:;|\\.(?=\\s|$)|\\n|$)`,
    'm',
  );
  const m = re.exec(text);
  if (!m) return undefined;
  const meaning = m[2].trim();
  // "Valid operators are In, NotIn, Exists": a list, not an explanation
  if (!meaning || /^["`']?[A-Z][A-Za-z]*["`']?(,|$| and | or )/.test(meaning)) return undefined;
  const sentence = meaning.charAt(0).toUpperCase() + meaning.slice(1);
  return m[1] ? `${sentence} (the default)` : sentence;
}
