import { z } from 'zod';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolDefinition } from './tool';
import { withDataNotice } from './untrusted';

// What tools/list says about each tool, built once from its contract. Every agent pays for
// this answer in its context on every session, so the JSON Schemas are written compactly:
// no "$schema" per schema, nullable as a type list, and output schemas as documentation of
// the answer's fields rather than a second validator (the server validates every answer
// with the full zod schema before sending it). Output schemas stay valid JSON Schema that
// every real answer satisfies (a test checks both with the SDK's Ajv).

type Json = { [key: string]: unknown };

/** The tools/list entry of one tool. */
export function listedTool(tool: ToolDefinition): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: inputSchemaOf(tool.input) as Tool['inputSchema'],
    outputSchema: outputSchemaOf(withDataNotice(tool.output)) as Tool['outputSchema'],
    annotations: tool.hints,
  };
}

/**
 * The input schema as agents need it: descriptions, defaults, enums and the bounds that
 * prevent bad calls. Left out, since the server checks them and says exactly what was wrong:
 * regular expressions (the description gives the format), `minLength: 1`, and `type` beside
 * an enum.
 */
export function inputSchemaOf(schema: z.ZodObject): Json {
  return tidy(z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Json, { output: false, depth: 0 });
}

/**
 * The output schema: the answer's top-level fields, each with its enum or description (the
 * answer itself shows what is inside; the server validates it with the full zod schema
 * before sending). Left out: types (a field named `commits`, `hotspots` or `lastCommitAt`
 * says what it holds), `required` and
 * `additionalProperties` (an error result carries `{ error }` in structuredContent instead,
 * and clients such as the TypeScript SDK check that against this schema too), and bounds.
 * Measured on the 20 tools of 2026-11: nested field lists were 11 KB of a 40 KB tools/list;
 * the field types another 1.5 KB of 30 KB once the achievements tools arrived.
 */
export function outputSchemaOf(schema: z.ZodObject): Json {
  const full = tidy(z.toJSONSchema(schema, { target: 'draft-07', io: 'output', unrepresentable: 'any' }) as Json, { output: true, depth: 0 });
  const properties = isObject(full.properties) ? full.properties : {};
  return { type: 'object', properties: Object.fromEntries(Object.entries(properties).map(([name, field]) => [name, fieldSummary(field)])) };
}

function fieldSummary(field: unknown): Json {
  if (!isObject(field)) return {};
  const out: Json = {};
  if (typeof field.description === 'string') out.description = field.description;
  if (Array.isArray(field.enum)) out.enum = field.enum;
  return out;
}

const OUTPUT_DROPS = new Set(['required', 'additionalProperties', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'format', 'default']);

function tidy(node: Json, options: { output: boolean; depth: number }): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (options.output && OUTPUT_DROPS.has(key)) continue;
    if (!options.output && (key === 'pattern' || (key === 'minLength' && value === 1) || (key === 'type' && Array.isArray(node.enum)))) continue;
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, tidyChild(child, options)]));
    } else if ((key === 'items' || key === 'additionalProperties') && isObject(value)) {
      out[key] = tidyChild(value, options);
    } else if (key === 'anyOf' && Array.isArray(value)) {
      out[key] = value.map((child) => tidyChild(child, options));
    } else {
      out[key] = value;
    }
  }
  return nullableAsTypeList(out);
}

function tidyChild(child: unknown, options: { output: boolean; depth: number }): unknown {
  return isObject(child) ? tidy(child, { ...options, depth: options.depth + 1 }) : child;
}

/** `anyOf: [{type: X, ...}, {type: "null"}]` → `{type: [X, "null"], ...}`, the short form of nullable. */
function nullableAsTypeList(node: Json): Json {
  const anyOf = node.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return node;
  const nullIndex = anyOf.findIndex((s) => isObject(s) && s.type === 'null' && Object.keys(s).length === 1);
  const other = anyOf[1 - nullIndex];
  if (nullIndex === -1 || !isObject(other) || typeof other.type !== 'string') return node;
  const { anyOf: _anyOf, ...rest } = node;
  const nullable: Json = { ...other, ...rest, type: [other.type, 'null'] };
  if (Array.isArray(other.enum)) nullable.enum = [...other.enum, null];
  return nullable;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
