import { ruleTable } from '../helpers/ruleTester';
import { LLM_INFERENCE, POSTGRES, QDRANT } from './guide-examples';

const sts = (spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: qdrant
spec:
${spec}
`;

ruleTable('partition-exceeds-replicas', {
  valid: [
    { name: 'guide: postgres', text: POSTGRES },
    { name: 'guide: qdrant', text: QDRANT },
    { name: 'guide: llm-inference', text: LLM_INFERENCE },
    {
      name: "the guide's staged rollout: partition 2 of 3 updates qdrant-2 first",
      text: sts(
        '  replicas: 3\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 2  # Only update replicas >= 2',
      ),
    },
    { name: 'partition 0', text: sts('  replicas: 1\n  updateStrategy:\n    rollingUpdate:\n      partition: 0') },
    {
      name: 'OnDelete ignores the partition',
      text: sts('  replicas: 1\n  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n      partition: 5'),
    },
    {
      name: 'a fractional partition is the schema rules’ business',
      text: sts('  replicas: 1\n  updateStrategy:\n    rollingUpdate:\n      partition: 1.5'),
    },
    { name: 'a quoted partition', text: sts('  replicas: 1\n  updateStrategy:\n    rollingUpdate:\n      partition: "3"') },
    { name: 'quoted replicas', text: sts('  replicas: "1"\n  updateStrategy:\n    rollingUpdate:\n      partition: 3') },
    { name: 'fractional replicas', text: sts('  replicas: 1.5\n  updateStrategy:\n    rollingUpdate:\n      partition: 3') },
    { name: 'negative replicas', text: sts('  replicas: -1\n  updateStrategy:\n    rollingUpdate:\n      partition: 3') },
    { name: 'scaled to zero', text: sts('  replicas: 0\n  updateStrategy:\n    rollingUpdate:\n      partition: 0') },
  ],
  invalid: [
    {
      name: 'partition equal to replicas',
      text: sts('  replicas: 3\n  updateStrategy:\n    rollingUpdate:\n      partition: «3»'),
      messageId: 'noPodUpdates',
      message:
        'partition 3 is not below replicas 3: only pods with an ordinal >= the partition get the new template, so none of qdrant-0…qdrant-2 will update. For a staged rollout set it to the first ordinal to update (at most 2), then lower it to 0.',
    },
    {
      name: 'replicas defaults to 1',
      text: sts('  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: «1»'),
      messageId: 'noPodUpdates',
      message:
        'partition 1 is not below replicas 1 (the default): only pods with an ordinal >= the partition get the new template, so none of qdrant-0 will update. For a staged rollout set it to the first ordinal to update (at most 0), then lower it to 0.',
    },
    {
      name: 'partition above replicas',
      text: sts('  replicas: 2\n  updateStrategy:\n    rollingUpdate: {partition: «10»}'),
      messageId: 'noPodUpdates',
      message: /^partition 10 is not below replicas 2:/,
    },
    {
      name: 'an empty type is the default RollingUpdate; replicas: null is the default 1',
      text: sts('  replicas:\n  updateStrategy:\n    type:\n    rollingUpdate:\n      partition: «1»'),
      messageId: 'noPodUpdates',
      message:
        'partition 1 is not below replicas 1 (the default): only pods with an ordinal >= the partition get the new template, so none of qdrant-0 will update. For a staged rollout set it to the first ordinal to update (at most 0), then lower it to 0.',
    },
    {
      name: 'a StatefulSet without a name: pods are named after the placeholder',
      text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  labels: {app: db}\nspec:\n  replicas: 2\n  updateStrategy:\n    rollingUpdate:\n      partition: «2»\n',
      messageId: 'noPodUpdates',
      message:
        'partition 2 is not below replicas 2: only pods with an ordinal >= the partition get the new template, so none of pod-0…pod-1 will update. For a staged rollout set it to the first ordinal to update (at most 1), then lower it to 0.',
    },
  ],
});
