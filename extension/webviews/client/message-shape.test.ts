import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toWebviewSchema } from '../protocol';
import { checkMessage, MESSAGE_FIELDS, MODEL_FIELDS, type FieldKind } from './message-shape';

// The webview's hand check against the host's zod protocol: the tables must list exactly the
// required top-level fields each schema has, with their kinds, or a change to the protocol
// would pass the host and be refused (or let through unchecked) in the webview.

type Def = { type: string; innerType?: z.ZodType; options?: z.ZodType[]; values?: unknown[]; shape?: Record<string, z.ZodType> };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The JavaScript kind a schema accepts at the top ('optional' for fields the table leaves out). */
function kindOf(schema: z.ZodType): FieldKind | 'optional' {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return 'optional';
    case 'nullable': {
      const inner = kindOf(def.innerType as z.ZodType);
      return `${inner}?` as FieldKind;
    }
    case 'enum':
      return 'string';
    case 'literal':
      return typeof def.values?.[0] as FieldKind;
    case 'union': {
      const kinds = new Set((def.options ?? []).map(kindOf));
      if (kinds.size !== 1) throw new Error(`a union of ${[...kinds].join(', ')}: give the table a kind for it`);
      return [...kinds][0] as FieldKind;
    }
    case 'string':
    case 'number':
    case 'boolean':
    case 'object':
    case 'array':
      return def.type;
    default:
      throw new Error(`no kind for a zod ${def.type}`);
  }
}

function requiredFields(schema: z.ZodType, leaveOut: string[]): Record<string, FieldKind> {
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  const fields = Object.entries(shape).filter(([name]) => !leaveOut.includes(name)).map(([name, field]) => [name, kindOf(field)] as const);
  return Object.fromEntries(fields.filter((field): field is readonly [string, FieldKind] => field[1] !== 'optional'));
}

const options = toWebviewSchema.options.map((option) => [option.shape.type.value, option] as const);

describe('the webview message check (message-shape.ts) against the protocol', () => {
  it('knows every message type the host posts', () => {
    expect(Object.keys(MESSAGE_FIELDS).sort()).toEqual(options.map(([type]) => type).sort());
  });

  it.each(options)('lists the fields of "%s" messages and their models as the protocol has them', (type, option) => {
    expect(requiredFields(option, ['type'])).toEqual(MESSAGE_FIELDS[type]);
    const model = (option.shape as Record<string, z.ZodType>).model;
    if (type in MODEL_FIELDS) expect(model && requiredFields(model, [])).toEqual(MODEL_FIELDS[type as keyof typeof MODEL_FIELDS]);
  });
});

describe('checkMessage', () => {
  it('accepts a message of each kind', () => {
    expect(checkMessage({ type: 'loading', title: 'Loading…', state: { kind: 'report', key: 'k' } }).ok).toBe(true);
    expect(checkMessage({ type: 'error', message: 'boom', retry: false }).ok).toBe(true);
    const job = Object.fromEntries(Object.entries(MODEL_FIELDS.job).map(([name, kind]) => [name, kind.endsWith('?') ? null : { string: 'x', number: 1, boolean: true, object: {}, array: [] }[kind as 'string']]));
    expect(checkMessage({ type: 'job', model: job })).toEqual({ ok: true, message: { type: 'job', model: job } });
  });

  it.each([
    ['not an object', 'hello', 'ignored a malformed "string" message: expected an object, got string'],
    ['an unknown type', { type: 'evaluate', code: '1' }, 'ignored a malformed "evaluate" message at type: not a message this view knows'],
    ['a missing field', { type: 'error', message: 'boom' }, 'ignored a malformed "error" message at retry: expected boolean, got undefined'],
    ['a model that is not an object', { type: 'report', model: [] }, 'ignored a malformed "report" message at model: expected object, got array'],
    ['a model missing its parts', { type: 'report', model: { key: 42 } }, 'ignored a malformed "report" message at model.repository: expected object, got undefined'],
    ['null where null is not allowed', { type: 'portfolio', model: { who: null }, canWriteProse: true }, 'ignored a malformed "portfolio" message at model.who: expected string, got null'],
    ['an infinite number', { type: 'job', model: { ...Object.fromEntries(Object.keys(MODEL_FIELDS.job).map((k) => [k, 'x'])), durationMs: Infinity } }, 'ignored a malformed "job" message at model.durationMs: expected number or null, got non-finite number'],
  ])('refuses %s, saying where', (_label, raw, problem) => {
    expect(checkMessage(raw)).toEqual({ ok: false, problem });
  });
});
