import type { WorkerKind, WorkerOptions } from '../../protocol/orchestrate';

/** What a worker is started with. `prompt` is the full text: the user's instruction plus marked data. */
export interface WorkerInput {
  prompt: string;
  cwd: string;
  options: WorkerOptions;
  /** A file holding the prompt, for workers that read it from a file. */
  promptFile: string;
  env: NodeJS.ProcessEnv;
}

/** A program and its argument array: never a shell string. */
export interface WorkerLaunch {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export type WorkerEventKind = 'init' | 'progress' | 'text' | 'tool' | 'tool_result' | 'result' | 'error' | 'stderr' | 'invalid';

export interface WorkerEvent {
  kind: WorkerEventKind;
  text: string;
}

/** What a worker reported about its own run, read from its event stream. */
export interface WorkerSummary {
  finalMessage: string | null;
  sessionId: string | null;
  turns: number | null;
  costUsd: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** The worker said it finished (Claude's `result`, Codex's `turn.completed`). */
  resultSeen: boolean;
  /** The worker itself reported failure (is_error, turn.failed, an error event at the end). */
  errorMessage: string | null;
  /** The worker wanted something it was not allowed or could not get (a permission, an answer). */
  needsInput: boolean;
  /** What it wanted, in a sentence, when needsInput. */
  inputRequest: string | null;
  /** stdout lines that should have been JSON events and were not. */
  invalidLines: number;
}

export interface WorkerParser {
  /** Events for one output line; `finished` when the line is the worker's final report. */
  line(stream: 'stdout' | 'stderr', text: string): { events: WorkerEvent[]; finished?: boolean };
  summary(): WorkerSummary;
}

/** One kind of worker: how to start it and how to read what it prints. */
export interface Worker {
  kind: WorkerKind;
  launch(input: WorkerInput): WorkerLaunch;
  parser(): WorkerParser;
  /** How long it may stay alive after reporting its result before it is ended. */
  afterResultGraceMs: number;
}

export function emptySummary(): WorkerSummary {
  return { finalMessage: null, sessionId: null, turns: null, costUsd: null, inputTokens: null, outputTokens: null, resultSeen: false, errorMessage: null, needsInput: false, inputRequest: null, invalidLines: 0 };
}

export type ParsedLine = ReturnType<WorkerParser['line']>;

/**
 * A parser for workers whose stdout is one JSON event per line. Standard error, blank lines
 * and lines that are not JSON objects are handled here (the last counted as invalid);
 * `event` reads each event into events and the run's summary, `onStderr` (optional) reads a
 * standard error line into the summary.
 */
export function jsonLinesParser(
  event: (event: Record<string, unknown>, summary: WorkerSummary) => ParsedLine,
  stderrText: (text: string) => string = (text) => text,
  onStderr?: (text: string, summary: WorkerSummary) => void,
): WorkerParser {
  const summary = emptySummary();
  return {
    line(stream, text) {
      if (stream === 'stderr') {
        onStderr?.(text, summary);
        return { events: [{ kind: 'stderr', text: stderrText(text) }] };
      }
      const parsed = parseJsonLine(text);
      if (parsed) return event(parsed, summary);
      if (text.trim() === '') return { events: [] };
      summary.invalidLines += 1;
      return { events: [{ kind: 'invalid', text: brief(text) }] };
    },
    summary: () => summary,
  };
}

/** Parses one line as a JSON object, or null. */
export function parseJsonLine(text: string): Record<string, unknown> | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A short one-line rendering of a value for an event's text. */
export function brief(value: unknown, max = 300): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

export const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
