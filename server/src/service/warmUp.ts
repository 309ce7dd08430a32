// Completion and hover run once, on a small manifest of their own, before the user's first request.
//
// The first completion or hover of a session paid for V8 running that code for the first time:
// the `yaml` package's full parser (the documents of an opened file are read by the fast path and
// never need it), the completion and hover modules, the API lookups behind them. In one process,
// after validating a 500-document file, the first completion took 6–8 ms and the second under
// 1 ms; run once here first, the user's first one took 3–4 ms. The server calls this in idle time
// after the first diagnostics, as it reads the field descriptions then (server.ts).
//
// It runs in a language service of its own, with an index of its own: nothing of the sample
// reaches the user's files, their cross-file checks or their diagnostics. The Kubernetes API data is
// the user's (the same provider), so nothing is read twice.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Hover } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageServiceOptions } from './index';
import { WorkspaceIndex } from './workspace/index';

/** A Deployment as users write them, with an empty value and an empty line where completion is asked. */
const SAMPLE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: warm-up
spec:
  replicas: 1
  selector:
    matchLabels:
      app: warm-up
  template:
    metadata:
      labels:
        app: warm-up
    spec:
      containers:
      - name: app
        image: registry.example.com/app:1.0.0
        imagePullPolicy: \n        \n`;

/** The answers, for the tests: a warm-up whose positions no longer hit anything warms nothing. */
export interface WarmUpAnswers {
  readonly valueCompletion: CompletionList;
  readonly keyCompletion: CompletionList;
  readonly hover: Hover | null;
}

export function warmUp(options: Pick<LanguageServiceOptions, 'apis' | 'kubernetesVersion' | 'docsUri'>): WarmUpAnswers {
  const service = getLanguageService({ ...options, workspace: new WorkspaceIndex() });
  const document = TextDocument.create('untitled:k8s-workloads-warm-up.yaml', 'yaml', 1, SAMPLE);
  return {
    // after `imagePullPolicy: `, and on the empty line of the container
    valueCompletion: service.doComplete(document, { line: 17, character: 25 }),
    keyCompletion: service.doComplete(document, { line: 18, character: 8 }),
    // on `replicas`
    hover: service.doHover(document, { line: 5, character: 4 }),
  };
}
