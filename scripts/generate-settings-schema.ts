// Writes the `k8sWorkloads.rules` configuration schema into package.json from the rule registry,
// and `k8sWorkloads.kubernetesVersion` from the releases of the API data, so the settings editor
// offers exactly the registered rules and severities and the releases the server knows.
//
//   npx tsx scripts/generate-settings-schema.ts        (npm run generate:settings)
//
// test/unit/settings/ruleSettings.test.ts asserts package.json holds what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/service/rules/registry';
import {
  KUBERNETES_VERSION_SETTING,
  RULES_SETTING,
  kubernetesVersionSettingSchema,
  rulesSettingSchema,
} from '../server/src/service/ruleSettings';

const file = join(__dirname, '..', 'package.json');
const pkg = JSON.parse(readFileSync(file, 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
const properties = pkg.contributes.configuration.properties;
const next: Record<string, unknown> = {};
// Keep the property where it is, or put it first.
if (!(RULES_SETTING in properties)) next[RULES_SETTING] = undefined;
for (const [k, v] of Object.entries(properties)) next[k] = v;
next[RULES_SETTING] = rulesSettingSchema(RULES);
next[KUBERNETES_VERSION_SETTING] = kubernetesVersionSettingSchema();
pkg.contributes.configuration.properties = next;
// package.json keeps non-ASCII characters escaped (\u2026), as npm and vsce write it.
const json = JSON.stringify(pkg, null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(file, `${json}\n`);
console.log(`wrote ${RULES_SETTING} (${RULES.length} rules) into package.json`);
