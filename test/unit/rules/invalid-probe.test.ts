import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

/** A Pod with the given lines under its first container (indented 4) or init container. */
const pod = (lines: string, init = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${init}  containers:
  - name: web
    image: web:1.0.0
${lines}
`;
const initContainer = (lines: string, restart = '') => `  initContainers:
  - name: setup
    image: setup:1.0.0
${restart}${lines}
`;

ruleTable('invalid-probe', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    {
      name: 'one handler each',
      text: pod(
        '    livenessProbe:\n      httpGet: {path: /, port: 80}\n    readinessProbe:\n      tcpSocket: {port: 80}\n    startupProbe:\n      exec: {command: [ok]}',
      ),
    },
    { name: 'grpc handler', text: pod('    livenessProbe:\n      grpc: {port: 9090}') },
    {
      name: 'readiness may need several successes',
      text: pod('    readinessProbe:\n      httpGet: {path: /, port: 80}\n      successThreshold: 3'),
    },
    { name: 'liveness successThreshold 1', text: pod('    livenessProbe:\n      httpGet: {path: /, port: 80}\n      successThreshold: 1') },
    {
      name: 'a null handler next to a real one is unset',
      text: pod('    livenessProbe:\n      exec:\n      httpGet: {path: /, port: 80}'),
    },
    {
      name: 'lifecycle hooks with one handler (sleep counts)',
      text: pod('    lifecycle:\n      preStop:\n        sleep: {seconds: 5}\n      postStart:\n        exec: {command: [x]}'),
    },
    {
      name: 'a sidecar init container may have probes and hooks',
      text: pod(
        '',
        initContainer(
          '    startupProbe:\n      httpGet: {path: /, port: 80}\n    lifecycle:\n      preStop:\n        sleep: {seconds: 1}',
          '    restartPolicy: Always\n',
        ),
      ),
    },
    { name: 'a plain init container without probes', text: pod('', initContainer('    command: [migrate]')) },
    { name: 'probe: null is no probe', text: pod('', initContainer('    livenessProbe:')) },
    { name: 'a null probe on a container is no probe', text: pod('    livenessProbe:\n    readinessProbe: ~\n    startupProbe: null') },
    { name: 'null lifecycle hooks are no hooks', text: pod('    lifecycle:\n      preStop:\n      postStart: null') },
    {
      name: 'a successThreshold that is not an integer is not this rule’s (invalid-value reports it)',
      text: pod(
        '    livenessProbe:\n      httpGet: {path: /, port: 80}\n      successThreshold: "3"\n    startupProbe:\n      exec: {command: [ok]}\n      successThreshold: 2.5',
      ),
    },
  ],
  invalid: [
    {
      name: 'a liveness probe with no handler',
      text: pod('    «livenessProbe»:\n      periodSeconds: 5'),
      messageId: 'noHandler',
      message: 'livenessProbe of container web has no handler: the API server requires exactly one of exec, httpGet, tcpSocket, grpc.',
    },
    {
      name: 'two handlers, flagged at the second',
      text: pod('    readinessProbe:\n      httpGet: {path: /, port: 80}\n      «tcpSocket»: {port: 80}'),
      messageId: 'manyHandlers',
      message: 'readinessProbe of container web has httpGet, tcpSocket: the API server accepts only one handler.',
    },
    {
      name: 'a preStop hook with two handlers',
      text: pod('    lifecycle:\n      preStop:\n        exec: {command: [x]}\n        «sleep»: {seconds: 5}'),
      messageId: 'manyHandlers',
      message: 'lifecycle.preStop of container web has exec, sleep: the API server accepts only one handler.',
    },
    {
      name: 'a postStart hook with none',
      text: pod('    lifecycle:\n      «postStart»: {}'),
      messageId: 'noHandler',
      message:
        'lifecycle.postStart of container web has no handler: the API server requires exactly one of exec, httpGet, tcpSocket, sleep.',
    },
    {
      name: 'liveness successThreshold 3 is set to 1',
      text: pod('    livenessProbe:\n      httpGet: {path: /, port: 80}\n      successThreshold: «3» # flaky'),
      messageId: 'successThreshold',
      message:
        'livenessProbe of container web has successThreshold 3: a livenessProbe must have successThreshold 1 (only a readinessProbe may need more).',
      fix: 'Set successThreshold to 1',
      preferred: true,
      safe: true,
      output: pod('    livenessProbe:\n      httpGet: {path: /, port: 80}\n      successThreshold: 1 # flaky'),
    },
    {
      name: 'startup successThreshold in flow style',
      text: pod('    startupProbe: {exec: {command: [ok]}, successThreshold: «2»}'),
      messageId: 'successThreshold',
      output: pod('    startupProbe: {exec: {command: [ok]}, successThreshold: 1}'),
    },
    {
      name: 'a readiness probe on a plain init container: remove it',
      text: pod('', initContainer('    «readinessProbe»:\n      httpGet: {path: /, port: 80}\n    command: [migrate]')),
      messageId: 'initContainerField',
      message:
        'readinessProbe is not allowed on init container setup: it runs to completion before the app starts. Remove it, or make the container a sidecar with restartPolicy: Always.',
      fix: 'Remove readinessProbe from init container setup',
      fixes: ['Remove readinessProbe from init container setup', 'Make setup a sidecar (restartPolicy: Always)'],
      preferred: true,
      safe: false,
      output: pod('', initContainer('    command: [migrate]')),
    },
    {
      name: 'a startup probe on a plain init container: make it a sidecar',
      text: pod('', initContainer('    «startupProbe»:\n      httpGet: {path: /, port: 80}')),
      messageId: 'initContainerField',
      fix: 'Make setup a sidecar (restartPolicy: Always)',
      preferred: false,
      safe: false,
      output: pod('', initContainer('    startupProbe:\n      httpGet: {path: /, port: 80}\n    restartPolicy: Always')),
    },
    {
      name: 'lifecycle on an init container whose restartPolicy is not Always',
      text: pod('', initContainer('    «lifecycle»:\n      preStop:\n        exec: {command: [x]}', '    restartPolicy: OnFailure\n')),
      messageId: 'initContainerField',
      fix: 'Make setup a sidecar (restartPolicy: Always)',
      output: pod('', initContainer('    lifecycle:\n      preStop:\n        exec: {command: [x]}', '    restartPolicy: Always\n')),
    },
    {
      name: 'in a Deployment template',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: web:1
        «livenessProbe»: {initialDelaySeconds: 5}
`,
      messageId: 'noHandler',
    },
    {
      name: 'three handlers: flagged once, at the second, all named',
      text: pod('    startupProbe:\n      exec: {command: [ok]}\n      «httpGet»: {path: /, port: 80}\n      grpc: {port: 9090}'),
      messageId: 'manyHandlers',
      message: 'startupProbe of container web has exec, httpGet, grpc: the API server accepts only one handler.',
    },
    {
      name: 'a sidecar init container is checked like a container',
      text: pod(
        '',
        initContainer('    livenessProbe:\n      tcpSocket: {port: 80}\n      successThreshold: «2»', '    restartPolicy: Always\n'),
      ),
      messageId: 'successThreshold',
      message:
        'livenessProbe of container setup has successThreshold 2: a livenessProbe must have successThreshold 1 (only a readinessProbe may need more).',
      fixes: ['Set successThreshold to 1'],
      output: pod(
        '',
        initContainer('    livenessProbe:\n      tcpSocket: {port: 80}\n      successThreshold: 1', '    restartPolicy: Always\n'),
      ),
    },
    {
      name: 'a postStart hook with an httpGet and a tcpSocket',
      text: pod('    lifecycle:\n      postStart:\n        httpGet: {path: /, port: 80}\n        «tcpSocket»: {port: 80}'),
      messageId: 'manyHandlers',
      message: 'lifecycle.postStart of container web has httpGet, tcpSocket: the API server accepts only one handler.',
    },
  ],
});
