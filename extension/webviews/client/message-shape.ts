import type { ToWebview } from '../protocol';

// The webview's check of what arrives on its channel, by hand: the host validates every message
// against the zod protocol before posting it (panels.ts), so the browser only needs to refuse
// what did not come from there (another script posting into the page, a host and webview from
// different builds) before rendering it. zod would be two thirds of every webview bundle.
// message-shape.test.ts holds these tables equal to the protocol's schemas.

/** A field's JavaScript kind; a trailing `?` allows null. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'string?' | 'number?' | 'boolean?' | 'object?' | 'array?';
type Fields = Readonly<Record<string, FieldKind>>;

/** Top-level fields of each model a message carries (required ones; nothing optional is listed). */
export const MODEL_FIELDS = {
  report: {
    repository: 'object',
    summary: 'object',
    facts: 'object',
    github: 'object?',
    health: 'object',
    activity: 'object',
    contributors: 'object',
    busFactor: 'object',
    hotspots: 'array',
    languages: 'array',
    communityFiles: 'object',
    pullRequests: 'object',
    releases: 'object',
  },
  dashboard: {
    owner: 'object',
    analyzedAt: 'string?',
    overview: 'array',
    kpis: 'object',
    health: 'object',
    languages: 'array',
    activity: 'object?',
    topics: 'object?',
    network: 'object',
    citations: 'object?',
    repositories: 'array',
  },
  job: {
    id: 'string',
    task: 'string',
    repository: 'string',
    baseCommit: 'string',
    worker: 'string',
    state: 'string',
    message: 'string?',
    createdAt: 'string',
    startedAt: 'string?',
    finishedAt: 'string?',
    durationMs: 'number?',
    concurrency: 'number',
    approveAt: 'string',
    costUsd: 'number?',
    tokens: 'number?',
    counts: 'array',
    subtasks: 'array',
    mergeRisks: 'array',
  },
  portfolio: {
    who: 'string',
    window: 'object',
    generatedAt: 'string',
    sources: 'array',
    totals: 'object',
    summary: 'string',
    prose: 'object?',
    notices: 'array',
    highlights: 'array',
    classMix: 'array',
    themes: 'array',
    impactOverTime: 'array',
    skills: 'array',
    flow: 'object',
    repositories: 'array',
    collaboration: 'object',
    pullRequests: 'object',
  },
} as const satisfies Record<string, Fields>;

/** Each message type's fields besides `type`; `model` is checked against MODEL_FIELDS. */
export const MESSAGE_FIELDS = {
  loading: { title: 'string', state: 'object' },
  report: { model: 'object' },
  dashboard: { model: 'object' },
  job: { model: 'object' },
  portfolio: { model: 'object', canWriteProse: 'boolean' },
  error: { message: 'string', retry: 'boolean' },
} as const satisfies Record<ToWebview['type'], Fields>;

export type Checked = { ok: true; message: ToWebview } | { ok: false; problem: string };

/** Checks one incoming message's type and the kinds of its (and its model's) top-level fields. */
export function checkMessage(raw: unknown): Checked {
  if (!isObject(raw)) return refuse(typeof raw, '', `expected an object, got ${kindOf(raw)}`);
  const type = String(raw.type).slice(0, 40);
  if (!Object.hasOwn(MESSAGE_FIELDS, type)) return refuse(type, 'type', 'not a message this view knows');
  const problem = wrongField(raw, MESSAGE_FIELDS[type as keyof typeof MESSAGE_FIELDS], '') ?? (type in MODEL_FIELDS ? wrongField(raw.model as Record<string, unknown>, MODEL_FIELDS[type as keyof typeof MODEL_FIELDS], 'model.') : null);
  return problem ? refuse(type, problem.at, problem.why) : { ok: true, message: raw as ToWebview };
}

function wrongField(value: Record<string, unknown>, fields: Fields, prefix: string): { at: string; why: string } | null {
  for (const [name, kind] of Object.entries(fields)) {
    const actual = kindOf(value[name]);
    const nullable = kind.endsWith('?');
    if (actual === kind.replace('?', '') || (nullable && actual === 'null')) continue;
    return { at: `${prefix}${name}`, why: `expected ${nullable ? `${kind.slice(0, -1)} or null` : kind}, got ${actual}` };
  }
  return null;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite number';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === 'object';
}

// Worded as the host's zod check words it (protocol.ts parseMessage), so the log and notice read alike.
function refuse(type: string, at: string, why: string): Checked {
  return { ok: false, problem: `ignored a malformed "${type}" message${at ? ` at ${at}` : ''}: ${why}` };
}
