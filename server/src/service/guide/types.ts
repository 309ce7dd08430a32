// Types of the Workload Types Decision Guide as data. Everything in this folder is plain data
// and pure functions: the language server, the CLI and the VS Code client (wizard) share it.

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export function isWorkloadKind(kind: unknown): kind is WorkloadKind {
  return typeof kind === 'string' && (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/** What the guide says about one workload kind. */
export interface KindGuide {
  readonly kind: WorkloadKind;
  readonly apiVersion: string;
  /** one line: what the kind is for */
  readonly useFor: string;
  readonly characteristics: readonly string[];
  /** typical workloads of this kind */
  readonly examples: readonly string[];
  /** ids of the guide's patterns (patterns.ts) built on this kind */
  readonly patterns: readonly string[];
  /** Kubernetes documentation of the kind */
  readonly docsUrl: string;
}

/** A row of a table with a cause and a fix (common issues, job failures). */
export interface Issue {
  readonly id: string;
  /** what the user sees */
  readonly symptom: string;
  /** what is behind it, or where to look */
  readonly cause: string;
  readonly fix: string;
}

/** A kubectl command the guide recommends, with what it is for. */
export interface DebugCommand {
  readonly command: string;
  readonly purpose: string;
}

/** One of the guide's ready-made workloads (AI and batch patterns). */
export interface GuidePattern {
  readonly id: string;
  readonly title: string;
  readonly kind: WorkloadKind;
  /** the manifest name the guide uses */
  readonly name: string;
  /** why the pattern uses this kind */
  readonly purpose: string;
  /** the settings that make the pattern work, each with its reason */
  readonly keySettings: readonly { readonly path: string; readonly value: string; readonly why: string }[];
}
