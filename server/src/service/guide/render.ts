// Markdown renderers for VS Code's hover widget (and the wizard's detail text): short
// sections, small tables, code blocks for names and commands.
import { CONCURRENCY_POLICIES, CRON_FIELD_DIAGRAM, type ConcurrencyPolicyName } from './cronjob';
import { renderDecisionPath, renderDecisionTreeText } from './decisionTree';
import { KIND_GUIDES } from './kinds';
import { patternsFor } from './patterns';
import { DEPLOYMENT_VS_STATEFULSET, HEADLESS_SERVICE, ORDERED_LIFECYCLE, POD_DNS_PATTERN } from './statefulset';
import { CRONJOB_DEBUG, JOB_DEBUG, JOB_FAILURES, STATEFULSET_DEBUG, STATEFULSET_ISSUES } from './troubleshooting';
import { isWorkloadKind, type DebugCommand, type GuidePattern, type Issue } from './types';

/** A cell of a markdown table: pipes escaped, line breaks flattened. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

export function codeBlock(text: string, language = ''): string {
  const fence = text.includes('```') ? '````' : '```';
  return `${fence}${language}\n${text}\n${fence}`;
}

export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

export function renderComparisonTable(): string {
  return table(
    ['Aspect', 'Deployment', 'StatefulSet'],
    DEPLOYMENT_VS_STATEFULSET.map((r) => [`**${r.aspect}**`, r.deployment, r.statefulSet]),
  );
}

/** The three policies; `current` (or Allow, the default, when unset) is highlighted. */
export function renderConcurrencyPolicies(current?: string): string {
  const active = (current ?? 'Allow') as ConcurrencyPolicyName;
  return table(
    ['Policy', 'Effect', 'Use when'],
    CONCURRENCY_POLICIES.map((p) =>
      p.policy === active
        ? [`**▶ \`${p.policy}\`**${current === undefined ? ' (default, in effect)' : ' (current)'}`, `**${p.effect}**`, `**${p.when}**`]
        : [`\`${p.policy}\``, p.effect, p.when],
    ),
  );
}

export function renderCronDiagram(): string {
  return codeBlock(CRON_FIELD_DIAGRAM);
}

export function renderIssues(issues: readonly Issue[], causeHeader = 'Cause'): string {
  return table(
    ['Issue', causeHeader, 'Fix'],
    issues.map((i) => [i.symptom, i.cause, i.fix]),
  );
}

export function renderDebugCommands(commands: readonly DebugCommand[]): string {
  return codeBlock(commands.map((c) => `${c.command}  # ${c.purpose}`).join('\n'), 'sh');
}

export function renderPattern(p: GuidePattern): string {
  return [
    `**${p.title}** (${p.kind} \`${p.name}\`) — ${p.purpose}`,
    bullets(p.keySettings.map((s) => `\`${s.path}\`: ${s.value} — ${s.why}`)),
  ].join('\n\n');
}

/** One pattern on one line: title, purpose, key settings. */
export function renderPatternLine(p: GuidePattern): string {
  return `**${p.title}** (\`${p.name}\`) — ${p.purpose} Key settings: ${p.keySettings.map((s) => `\`${s.path}\` ${s.value}`).join('; ')}.`;
}

export function renderDecisionTree(): string {
  return codeBlock(renderDecisionTreeText());
}

/** The DNS pattern with worked examples. */
export function renderDnsPattern(): string {
  return codeBlock(
    [
      POD_DNS_PATTERN,
      '',
      'postgres-0.postgres.default.svc.cluster.local',
      'postgres-1.postgres.default.svc.cluster.local',
      'qdrant-0.qdrant.ai-prod.svc.cluster.local',
    ].join('\n'),
  );
}

const GUIDE_TITLE = 'Workload Types Decision Guide';

/** The commands worked out for the object in front of the user (debug/commands.ts), to show instead of the guide's placeholders. */
export interface ObjectDebugCommands {
  readonly namespaceNote: string;
  readonly commands: readonly { readonly title: string; readonly command: string; readonly mutates: boolean }[];
}

function debuggingSection(kind: string, generic: readonly DebugCommand[], object: ObjectDebugCommands | undefined): string | undefined {
  if (object) {
    const list = renderDebugCommands(
      object.commands.map((c) => ({ command: c.command, purpose: c.mutates ? `${c.title} (changes the cluster)` : c.title })),
    );
    return `**Debugging** — ${object.namespaceNote} All of them: \`Debug…\` above the ${kind}, or **Kubernetes: Debug Commands for This Object**.\n\n${list}`;
  }
  return generic.length ? `**Debugging**\n\n${renderDebugCommands(generic)}` : undefined;
}

/**
 * The guide's section for `kind: X`: use for, characteristics, examples, the decision path,
 * and (Deployment/StatefulSet) the comparison table. Undefined for kinds the guide does not cover.
 * With `debug`, the debugging section shows the commands for that object instead of placeholders.
 */
export function kindHoverMarkdown(kind: string, debug?: ObjectDebugCommands, podManagementPolicy?: string): string | undefined {
  if (!isWorkloadKind(kind)) return undefined;
  const g = KIND_GUIDES[kind];
  const parts: string[] = [
    `### ${kind} — ${g.useFor}`,
    `**Decision path:** ${renderDecisionPath(kind)}`,
    `**Characteristics**\n\n${bullets(g.characteristics)}`,
    `**Examples:** ${g.examples.join(', ')}`,
  ];
  if (kind === 'Deployment' || kind === 'StatefulSet') parts.push(`**Deployment vs StatefulSet**\n\n${renderComparisonTable()}`);
  if (kind === 'StatefulSet') {
    parts.push(`**Per-pod DNS** (needs a headless Service, \`clusterIP: None\`)\n\n${renderDnsPattern()}`);
    parts.push(
      podManagementPolicy === 'Parallel'
        ? `**Lifecycle** — ${ORDERED_LIFECYCLE.parallel}`
        : `**Ordered lifecycle** — ${ORDERED_LIFECYCLE.startup} ${ORDERED_LIFECYCLE.shutdown}`,
    );
    parts.push(`**Common issues**\n\n${renderIssues(STATEFULSET_ISSUES)}`);
    parts.push(HEADLESS_SERVICE.whyStatefulSet);
  }
  if (kind === 'Job') parts.push(`**Common failures**\n\n${renderIssues(JOB_FAILURES, 'Check')}`);
  const debugging = debuggingSection(
    kind,
    kind === 'StatefulSet' ? STATEFULSET_DEBUG : kind === 'Job' ? JOB_DEBUG : kind === 'CronJob' ? CRONJOB_DEBUG : [],
    debug,
  );
  if (debugging) parts.push(debugging);
  if (kind === 'DaemonSet') parts.push('Add a toleration with `operator: Exists` to run on every node, control-plane nodes included.');
  const patterns = patternsFor(kind);
  if (patterns.length) parts.push(`**Guide patterns**\n\n${bullets(patterns.map(renderPatternLine))}`);
  parts.push(`_${GUIDE_TITLE}_ · [Kubernetes docs](${g.docsUrl})`);
  return parts.join('\n\n');
}
