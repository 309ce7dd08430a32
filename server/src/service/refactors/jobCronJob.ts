// Job → CronJob and CronJob → Job.
//   Job → CronJob wraps the Job's spec in jobTemplate.spec and adds schedule "0 * * * *" (every
//   hour) for the user to edit: the spec's lines move two levels deeper, unchanged otherwise.
//   CronJob → Job makes jobTemplate.spec the Job's spec: the CronJob-only fields (schedule,
//   timeZone, concurrencyPolicy, history limits, startingDeadlineSeconds, suspend) and
//   jobTemplate.metadata go, the Job spec's lines move up two levels.
import { isMap, isScalar, type Node } from 'yaml';
import { findNode, findPair, getAt } from '../manifest/navigate';
import type { ManifestDocument } from '../manifest/types';
import { blockLines, blockMapColumn, dedentText, indentLines, keyColumn, setKindAndVersion, valueLinesStart } from './text';
import type { Refactor } from './types';

/** The schedule a new CronJob gets: every hour, on the hour. */
export const DEFAULT_SCHEDULE = '0 * * * *';

/** `"key"` when the document writes its keys in double quotes (JSON), `key` otherwise. */
function keyStyle(doc: ManifestDocument, path: (string | number)[]): (k: string) => string {
  const key = findPair(doc, path)?.key;
  const quoted = isScalar(key) && key.type === 'QUOTE_DOUBLE';
  return (k) => (quoted ? JSON.stringify(k) : k);
}

export const jobToCronJob: Refactor = {
  id: 'job-to-cronjob',
  from: 'Job',
  to: 'CronJob',
  title: 'Convert to CronJob',
  edits({ doc }) {
    if (doc.object?.kind !== 'Job') return undefined;
    const spec = findNode(doc, ['spec']);
    if (!isMap(spec) || !spec.range) return undefined;
    const edits = setKindAndVersion(doc, 'CronJob', 'batch/v1');
    if (!edits) return undefined;
    const q = keyStyle(doc, ['spec']);
    if (spec.flow) {
      // `spec: {…}` (and JSON): wrap the flow map as it is.
      const [start, end] = spec.range;
      const inner = doc.text.slice(start, end);
      edits.push({
        start,
        end,
        newText: `{${q('schedule')}: ${JSON.stringify(DEFAULT_SCHEDULE)}, ${q('jobTemplate')}: {${q('spec')}: ${inner}}}`,
      });
      return edits;
    }
    const keyCol = keyColumn(doc, ['spec']);
    const col = blockMapColumn(doc, ['spec']);
    const block = blockLines(doc, spec as Node);
    const from = valueLinesStart(doc, ['spec']);
    if (keyCol === undefined || col === undefined || !block || from === undefined || col <= keyCol) return undefined;
    const lines = [from, block[1]];
    const unit = col - keyCol;
    const pad = ' '.repeat(col);
    const header = `${pad}schedule: ${JSON.stringify(DEFAULT_SCHEDULE)}\n${pad}jobTemplate:\n${pad}${' '.repeat(unit)}spec:\n`;
    const shifted = indentLines(doc.text, lines[0], lines[1], 2 * unit);
    // The header goes before the first line; merge it with that line's indentation insert.
    const first = shifted[0];
    if (first && first.start === lines[0]) shifted[0] = { ...first, newText: header + first.newText };
    else shifted.unshift({ start: lines[0], end: lines[0], newText: header });
    edits.push(...shifted);
    return edits;
  },
};

export const cronJobToJob: Refactor = {
  id: 'cronjob-to-job',
  from: 'CronJob',
  to: 'Job',
  title: 'Convert to Job',
  edits({ doc }) {
    if (doc.object?.kind !== 'CronJob') return undefined;
    const spec = findNode(doc, ['spec']);
    const jobSpec = findNode(doc, ['spec', 'jobTemplate', 'spec']);
    if (!isMap(spec) || !spec.range || !isMap(jobSpec) || !jobSpec.range) return undefined;
    if (getAt(doc.value, ['spec', 'jobTemplate', 'spec']) === undefined) return undefined;
    const edits = setKindAndVersion(doc, 'Job', 'batch/v1');
    if (!edits) return undefined;
    const jobText = doc.text.slice(jobSpec.range[0], jobSpec.range[1]).replace(/\s+$/, '');
    if (spec.flow || jobSpec.flow) {
      // Replace the whole spec value with the Job spec written as it is (a flow map, or JSON).
      if (!jobSpec.flow) return undefined;
      if (spec.flow) {
        edits.push({ start: spec.range[0], end: spec.range[1], newText: jobText });
      } else {
        const lines = blockLines(doc, spec as Node);
        const key = findPair(doc, ['spec'])?.key as Node | undefined;
        if (!lines || !key?.range) return undefined;
        // `spec:\n  schedule: …\n  jobTemplate: {spec: {…}}` → `spec: {…}`
        const colon = doc.text.indexOf(':', key.range[1]);
        edits.push({ start: colon + 1, end: lines[1], newText: ` ${jobText}\n` });
      }
      return edits;
    }
    const specCol = blockMapColumn(doc, ['spec']);
    const jobCol = blockMapColumn(doc, ['spec', 'jobTemplate', 'spec']);
    const specLines = [valueLinesStart(doc, ['spec']), blockLines(doc, spec as Node)?.[1]];
    const jobLines = [valueLinesStart(doc, ['spec', 'jobTemplate', 'spec']), blockLines(doc, jobSpec as Node)?.[1]];
    if (specCol === undefined || jobCol === undefined || jobCol < specCol) return undefined;
    if (specLines.some((x) => x === undefined) || jobLines.some((x) => x === undefined)) return undefined;
    // The Job spec's own lines (comments inside included), moved up to the spec's column.
    const moved = dedentText(doc.text.slice(jobLines[0]!, jobLines[1]!), jobCol - specCol);
    edits.push({ start: specLines[0]!, end: specLines[1]!, newText: moved });
    return edits;
  },
};
