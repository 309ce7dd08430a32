// Every rule the language service runs. Adding a rule = one file in this folder + one line here.
import type { Rule } from './types';
import { yamlSyntax } from './yaml-syntax';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  // Kubernetes API rules (schema) and the guide's rules are appended below, one line each.
];

const byId = new Map(RULES.map((r) => [r.meta.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
