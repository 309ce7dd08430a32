// Placeholder values for fields that a fix inserts (missing-required-field): the sample a field's
// type calls for, with the names and labels the object already has, written as YAML lines in the
// document's own indentation and sequence style.
import type { Node } from 'yaml';
import { isScalar } from 'yaml';
import { documentStyle, type EditValue } from '../manifest/edit';
import { findPair, getAt } from '../manifest/navigate';
import { yamlScalar } from '../text/yamlScalar';
import type { SchemaContext } from './schemaReport';
import type { DocEdit } from './types';

type Sample = string | number | boolean | Sample[] | { [k: string]: Sample };

const WORKLOAD_JOB_KINDS = new Set(['Job', 'CronJob']);

function objectName(ctx: SchemaContext): string {
  const n = getAt(ctx.value, ['metadata', 'name']);
  return typeof n === 'string' && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(n) ? n : 'app';
}

function podLabels(ctx: SchemaContext, templatePath: (string | number)[]): Record<string, string> {
  const fromTemplate = getAt(ctx.value, [...templatePath, 'metadata', 'labels']);
  const fromSelector = getAt(ctx.value, ['spec', 'selector', 'matchLabels']);
  for (const l of [fromTemplate, fromSelector]) {
    if (l && typeof l === 'object' && !Array.isArray(l) && Object.keys(l).length) {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(l)) out[k] = String(v);
      return out;
    }
  }
  return { app: objectName(ctx) };
}

/** A name for a Service port: http/https for 80/443, else port-<number>, unique among the Service's ports. */
function servicePortName(ctx: SchemaContext, portPath: (string | number)[]): string {
  const port = getAt(ctx.value, [...portPath, 'port']);
  const base = port === 80 ? 'http' : port === 443 ? 'https' : typeof port === 'number' ? `port-${port}` : 'port';
  const ports = getAt(ctx.value, portPath.slice(0, -1));
  const taken = new Set(
    Array.isArray(ports) ? ports.map((p) => (p && typeof p === 'object' ? (p as Record<string, unknown>).name : undefined)) : [],
  );
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

/** Placeholders for fields whose type alone gives a poor one. */
function special(ctx: SchemaContext, defName: string, prop: string, parent: (string | number)[]): Sample | undefined {
  if (prop === 'metadata' && ctx.api.isKindDefinition(defName)) return { name: ctx.kind.toLowerCase() };
  switch (`${defName}.${prop}`) {
    case 'ObjectMeta.name':
      return ctx.kind.toLowerCase();
    case 'Container.name':
      return objectName(ctx);
    case 'Container.image':
      return '';
    case 'CronJobSpec.schedule':
      return '0 0 * * *';
    case 'ServicePort.name':
      return servicePortName(ctx, parent);
    case 'ServicePort.port':
    case 'ContainerPort.containerPort':
      return 80;
    case 'ServiceSpec.ports':
      return [{ port: 80 }];
    case 'Service.spec':
      return { ports: [{ port: 80 }] };
  }
  return undefined;
}

export function placeholder(ctx: SchemaContext, defName: string, prop: string, t: string, parent: (string | number)[], depth = 0): Sample {
  return special(ctx, defName, prop, parent) ?? sampleOf(ctx, t, [...parent, prop], depth);
}

function sampleOf(ctx: SchemaContext, t: string, path: (string | number)[], depth: number): Sample {
  if (t.startsWith('[]')) {
    const el = t.slice(2);
    return el.startsWith('@') && depth < 6 ? [sampleOf(ctx, el, [...path, 0], depth + 1)] : [];
  }
  if (t.startsWith('{}') || t === 'object') return {};
  if (t === 'boolean') return false;
  if (t.startsWith('integer') || t.startsWith('number') || t === 'int-or-string') return 1;
  if (t === 'quantity') return '1';
  if (!t.startsWith('@')) return '';
  const defName = t.slice(1);
  if (defName === 'LabelSelector') {
    const spec = path.slice(0, -1);
    return { matchLabels: podLabels(ctx, [...spec, 'template']) };
  }
  const def = ctx.api.getDefinition(defName);
  if (!def || depth >= 6) return {};
  const out: { [k: string]: Sample } = {};
  if (defName === 'PodTemplateSpec') out.metadata = { labels: podLabels(ctx, path) };
  const required = [
    ...(def.r ?? []),
    ...ctx.api
      .extraRequired(defName)
      .filter((e) => !e.when)
      .map((e) => e.prop),
  ];
  for (const prop of required) {
    if (def.p[prop]) out[prop] = placeholder(ctx, defName, prop, def.p[prop][0], path, depth + 1);
  }
  if (defName === 'PodSpec' && WORKLOAD_JOB_KINDS.has(ctx.kind)) return { restartPolicy: 'Never', ...out };
  return out;
}

function isEmpty(v: Sample): boolean {
  return typeof v === 'object' && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
}

/** YAML lines for a sample, with the document's indentation unit and sequence style. */
function linesOf(v: Sample, indent: number, compactSeq: boolean): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const item of v) {
      const inner = typeof item === 'object' && !isEmpty(item) ? linesOf(item, indent, compactSeq) : [valueText(item)];
      inner.forEach((l, i) => out.push(i === 0 ? `- ${l}` : `  ${l}`));
    }
    return out;
  }
  if (typeof v !== 'object') return [yamlScalar(v)];
  const out: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'object' || isEmpty(x)) out.push(`${k}: ${valueText(x)}`);
    else {
      out.push(`${k}:`);
      const childPad = Array.isArray(x) && compactSeq ? '' : pad;
      for (const l of linesOf(x, indent, compactSeq)) out.push(`${childPad}${l}`);
    }
  }
  return out;
}

function valueText(v: Sample): string {
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  return yamlScalar(v);
}

/** A top-level block mapping: insert `key:` + the sample right after the `kind` line. */
export function afterKindLine(ctx: SchemaContext, key: string, v: Sample): DocEdit[] | undefined {
  const pair = findPair(ctx.doc, ['kind']);
  const keyRange = (pair?.key as Node | undefined)?.range;
  const valueEnd = (pair?.value as Node | null)?.range?.[1] ?? keyRange?.[1];
  if (!keyRange || valueEnd === undefined || typeof v !== 'object' || isEmpty(v)) return undefined;
  const text = ctx.doc.text;
  const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  if (keyRange[0] !== lineStart) return undefined; // not a block mapping at column 0
  const nl = text.indexOf('\n', valueEnd);
  const at = nl < 0 ? text.length : nl + 1;
  const style = documentStyle(ctx.doc);
  const pad = ' '.repeat(style.indent);
  const lines = [`${key}:`, ...linesOf(v, style.indent, style.compactSeq).map((l) => `${pad}${l}`)];
  return [{ start: at, end: at, newText: (nl < 0 ? '\n' : '') + lines.map((l) => `${l}\n`).join('') }];
}

/** `key:` present with an empty or null value (`spec:`, `spec: ~`): write the sample under it. */
export function fillEmpty(ctx: SchemaContext, path: (string | number)[], v: Sample): DocEdit[] | undefined {
  const pair = findPair(ctx.doc, path);
  const keyRange = (pair?.key as Node | undefined)?.range;
  if (!pair || !keyRange) return undefined;
  const value = pair.value as Node | null;
  if (value && !(isScalar(value) && value.value === null)) return undefined;
  const text = ctx.doc.text;
  const colon = text.indexOf(':', keyRange[1]);
  if (colon < 0) return undefined;
  // Drop an explicit `~` / `null` with the space before it.
  const end = value?.range && value.range[1] > value.range[0] ? value.range[1] : colon + 1;
  if (typeof v !== 'object' || isEmpty(v)) return [{ start: colon + 1, end, newText: ` ${valueText(v)}` }];
  const edits: DocEdit[] = end > colon + 1 ? [{ start: colon + 1, end, newText: '' }] : [];
  const style = documentStyle(ctx.doc);
  const keyCol = keyRange[0] - (text.lastIndexOf('\n', keyRange[0] - 1) + 1);
  const pad = ' '.repeat(keyCol + (Array.isArray(v) && style.compactSeq ? 0 : style.indent));
  const nl = text.indexOf('\n', keyRange[1]);
  const at = nl < 0 ? text.length : nl + 1;
  const lines = linesOf(v, style.indent, style.compactSeq).map((l) => `${pad}${l}\n`);
  return [...edits, { start: at, end: at, newText: (nl < 0 ? '\n' : '') + lines.join('') }];
}

export function toEditValue(ctx: SchemaContext, v: Sample): EditValue {
  if (typeof v !== 'object' || isEmpty(v)) return valueText(v);
  const style = documentStyle(ctx.doc);
  return linesOf(v, style.indent, style.compactSeq);
}
