// Validation in slices, between requests.
//
// Validating a large file takes long: a 2,000-document file about 3 s on a first run (every rule
// over every document). Run in one go, it would hold up every hover, completion and code action
// sent meanwhile. So a validation here is a generator of small steps (LanguageService.validationSteps:
// the parse, then one rule's check of one document per step), run for at most SLICE_MS at a time;
// between slices the scheduler hands the event loop back (setImmediate), so the requests that
// arrived meanwhile are answered first, each against the document's current version.
//
// A run is dropped, not finished, when its document changes again, closes, or is scheduled once
// more (new settings, a changed index): its diagnostics would describe a text or a state that is
// gone. Nothing of its work is lost: every document it finished is in the rule runner's caches, so
// the next run starts where it stopped. Diagnostics are published only by a run that reached its
// end on the version that is still open, so what the editor shows always belongs to one version.
//
// Why not a worker thread: rules need the whole language service — the parsed file, the workspace
// index, the CRDs, the settings — and requests (hover, completion, code actions) need the same
// parsed file on the thread that answers them. A worker would hold a second copy of all of it
// (twice the memory for a large file, an index to keep in step) and send every result across.
// Steps on the one thread share the caches, so a request and the validation never parse twice.
// What stays indivisible is one step: the parse of one changed document (which a request for the
// new version needs anyway) or one rule's check of one document.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';

/** The longest a validation keeps the thread before letting requests in (unless one step takes longer). */
export const SLICE_MS = 10;

export interface ValidationSchedulerOptions {
  /** The validation of `document`'s version, as steps; the generator returns the diagnostics. */
  steps(document: TextDocument): Generator<void, Diagnostic[], void>;
  /** Whether `document` is still the open version of its URI (a run for an older one is dropped). */
  isCurrent(document: TextDocument): boolean;
  /** A run reached its end on the current version. */
  publish(document: TextDocument, diagnostics: Diagnostic[]): void;
  /** A step threw: the run ends here (the server logs it and publishes no diagnostics for the version). */
  failed(document: TextDocument, error: unknown): void;
  /** Milliseconds per slice; SLICE_MS when omitted. */
  sliceMs?: number;
  /** A clock (ms); performance.now when omitted. */
  now?: () => number;
}

interface Run {
  readonly document: TextDocument;
  /** Created at the run's first step, so a run that is superseded before it starts costs nothing. */
  steps: Generator<void, Diagnostic[], void> | undefined;
}

export class ValidationScheduler {
  /** The run of each URI, in the order they take turns. */
  private readonly runs = new Map<string, Run>();
  private tickPending = false;
  private readonly sliceMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ValidationSchedulerOptions) {
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Validates `document` from the start, dropping a run of its URI still under way. */
  schedule(document: TextDocument): void {
    this.drop(document.uri);
    this.runs.set(document.uri, { document, steps: undefined });
    this.wake();
  }

  /** Drops the run of `uri`, if any (its document closed). */
  cancel(uri: string): void {
    this.drop(uri);
  }

  /** URIs with a validation under way or waiting for its turn. */
  get pending(): string[] {
    return [...this.runs.keys()];
  }

  private drop(uri: string): void {
    const run = this.runs.get(uri);
    if (!run) return;
    this.runs.delete(uri);
    // Runs the generator's finally blocks (there are none today) and frees what it holds.
    run.steps?.return([]);
  }

  private wake(): void {
    if (this.tickPending || this.runs.size === 0) return;
    this.tickPending = true;
    setImmediate(() => {
      this.tickPending = false;
      this.slice();
    });
  }

  /** Steps the oldest run for up to sliceMs, then lets the event loop answer what came in. */
  private slice(): void {
    const deadline = this.now() + this.sliceMs;
    while (this.runs.size > 0) {
      const [uri, run] = this.runs.entries().next().value as [string, Run];
      if (!this.options.isCurrent(run.document)) {
        this.drop(uri);
        continue;
      }
      let done = false;
      try {
        run.steps ??= this.options.steps(run.document);
        do {
          const r = run.steps.next();
          if (r.done) {
            done = true;
            this.runs.delete(uri);
            this.options.publish(run.document, r.value);
            break;
          }
        } while (this.now() < deadline);
      } catch (err) {
        done = true;
        this.runs.delete(uri);
        this.options.failed(run.document, err);
      }
      if (this.now() >= deadline) {
        // Its turn is over: to the back of the queue, so one huge file does not hold up the others.
        if (!done && this.runs.get(uri) === run) {
          this.runs.delete(uri);
          this.runs.set(uri, run);
        }
        break;
      }
    }
    this.wake();
  }
}
