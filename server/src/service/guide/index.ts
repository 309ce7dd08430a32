// The Workload Types Decision Guide as data and markdown: hovers, completions, the wizard and
// rule messages all read it from here.
export { KIND_GUIDES, KIND_USE_FOR } from './kinds';
export { kindHoverMarkdown } from './render';
export { fieldGuideNote, formatInZone, humanSeconds, type FieldGuideInput } from './notes';
export { guideValueCompletions, type GuideValueCompletion } from './completions';
export {
  DECISION_QUESTIONS,
  DECISION_ROOT,
  decisionPathTo,
  renderDecisionPath,
  renderDecisionTreeText,
  walkDecisionTree,
  type DecisionAnswer,
  type DecisionNodeId,
  type DecisionQuestion,
  type DecisionState,
  type DecisionStep,
} from './decisionTree';
export {
  DEPLOYMENT_VS_STATEFULSET,
  HEADLESS_SERVICE,
  MAX_LISTED_REPLICAS,
  ORDERED_LIFECYCLE,
  PARTITION,
  POD_DNS_PATTERN,
  statefulSetClaimNames,
  statefulSetDnsNames,
  statefulSetPodNames,
} from './statefulset';
export {
  COMPLETION_INDEX_ANNOTATION,
  COMPLETION_INDEX_ENV,
  COMPLETION_INDEX_FIELD_PATH,
  INDEXED_JOB,
  JOB_FIELDS,
  JOB_RESTART_POLICY,
  PARALLEL_JOB,
} from './jobs';
export {
  CONCURRENCY_POLICIES,
  CRON_FIELD_DIAGRAM,
  CRON_MACRO_PRESETS,
  CRON_PRESETS,
  HISTORY_LIMITS,
  TIME_ZONE_NOTE,
  type ConcurrencyPolicyName,
  type CronPreset,
} from './cronjob';
export { GUIDE_PATTERNS, patternById, patternsFor } from './patterns';
export { CRONJOB_DEBUG, JOB_DEBUG, JOB_FAILURES, STATEFULSET_DEBUG, STATEFULSET_ISSUES } from './troubleshooting';
export {
  bullets,
  codeBlock,
  renderComparisonTable,
  renderConcurrencyPolicies,
  renderCronDiagram,
  renderDebugCommands,
  renderDecisionTree,
  renderDnsPattern,
  renderIssues,
  renderPattern,
  renderPatternLine,
  table,
} from './render';
export { GUIDE_FACTS, unreachableFacts, type GuideFact } from './facts';
export {
  WORKLOAD_KINDS,
  isWorkloadKind,
  type DebugCommand,
  type GuidePattern,
  type Issue,
  type KindGuide,
  type WorkloadKind,
} from './types';
