import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';

// Finds types written again by hand that the protocol already declares (see
// records-declared-once.test.ts). Both sides are reduced to the same coarse shape, field name ->
// kind of value ("string", "number", "boolean", "object", "string[]", ...): optional and null
// are left out and literals count as their base type, so a copy that loosens or tightens a field
// still matches, while two records that merely share a few names do not.

/** Records with fewer fields are too generic to call a copy ({ name, count, ... }). */
export const MIN_FIELDS = 4;
/**
 * A copy with a renamed field needs a record this large: four fields with one renamed leave three
 * shared generic ones (a name, an e-mail, a count), which table rows share with the bus factor's
 * people by chance (ContributorRow, PersonStats).
 */
export const MIN_FIELDS_RENAMED = 5;

/** A record's or a declaration's fields, each with its coarse kind. */
export type Shape = Map<string, string>;

export interface ProtocolRecord {
  /** Where the schema stands in the protocol's exports, e.g. "getRepositoryContract.output.research". */
  at: string;
  shape: Shape;
}

/** The coarse kind of a zod schema's output value. */
export function zodKind(schema: z.ZodType): string {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return zodKind(def.innerType as z.ZodType);
    case 'pipe':
      return zodKind(def.out as z.ZodType);
    case 'lazy':
      return zodKind((def.getter as () => z.ZodType)());
    case 'string':
    case 'template_literal':
      return 'string';
    case 'number':
    case 'int':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
    case 'undefined':
    case 'void':
      return 'null';
    case 'date':
      return 'date';
    case 'literal':
      return sameKind((def.values as unknown[]).map((v) => (v === null || v === undefined ? 'null' : typeof v === 'bigint' ? 'number' : typeof v)));
    case 'enum':
      return sameKind(Object.values(def.entries as Record<string, unknown>).map((v) => typeof v));
    case 'array':
      return `${zodKind(def.element as z.ZodType)}[]`;
    case 'tuple':
      return `${sameKind((def.items as z.ZodType[]).map(zodKind))}[]`;
    case 'union':
      return sameKind((def.options as z.ZodType[]).map(zodKind));
    case 'object':
    case 'record':
    case 'map':
    case 'intersection':
      return 'object';
    default:
      return 'unknown';
  }
}

/** One kind for a union: its members' kind when they agree (null aside), else "union". */
function sameKind(kinds: string[]): string {
  const present = [...new Set(kinds.filter((k) => k !== 'null' && k !== 'undefined'))];
  if (present.length === 0) return 'null';
  return present.length === 1 ? present[0]! : 'union';
}

/** Every object schema the protocol exports, at any depth (tool inputs and outputs included), one per distinct shape. */
export function protocolRecords(protocol: Record<string, unknown>): ProtocolRecord[] {
  const records = new Map<string, ProtocolRecord>();
  const seen = new Set<unknown>();
  const walk = (schema: unknown, at: string): void => {
    if (!(schema instanceof z.ZodType) || seen.has(schema)) return;
    seen.add(schema);
    if (schema instanceof z.ZodObject) {
      const shape: Shape = new Map(Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, child]) => [key, zodKind(child)]));
      const id = shapeId(shape);
      if (shape.size >= MIN_FIELDS && !records.has(id)) records.set(id, { at, shape });
      for (const [key, child] of Object.entries(schema.shape)) walk(child, `${at}.${key}`);
      return;
    }
    // Wrappers and containers (optional, nullable, default, array, union, record, pipe): their inner schemas.
    for (const value of Object.values(schema._zod.def as unknown as Record<string, unknown>)) {
      if (Array.isArray(value)) value.forEach((v) => walk(v, at));
      else walk(value, at);
    }
  };
  for (const [name, value] of Object.entries(protocol)) {
    if (value instanceof z.ZodType) walk(value, name);
    else if (value && typeof value === 'object' && 'input' in value && 'output' in value) {
      walk(value.input, `${name}.input`);
      walk(value.output, `${name}.output`);
    }
  }
  return [...records.values()];
}

function shapeId(shape: Shape): string {
  return [...shape].map(([k, v]) => `${k}:${v}`).sort().join(',');
}

/** The coarse kind of a TypeScript type, the same words zodKind uses. */
export function typeKind(checker: ts.TypeChecker, type: ts.Type, depth = 0): string {
  // Recursive types (a JSON value holds JSON values) end here; records are not that deep.
  if (depth > 4) return 'unknown';
  if (type.isUnion()) {
    const kinds = type.types.map((t) => typeKind(checker, t, depth + 1));
    // boolean is the union true | false.
    return sameKind(kinds);
  }
  const flags = type.flags;
  if (flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return 'null';
  if (flags & ts.TypeFlags.StringLike) return 'string';
  if (flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike)) return 'number';
  if (flags & ts.TypeFlags.BooleanLike) return 'boolean';
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'unknown';
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type as ts.TypeReference);
    return `${sameKind(elements.map((t) => typeKind(checker, t, depth + 1)))}[]`;
  }
  if (type.getCallSignatures().length > 0) return 'function';
  if (type.getSymbol()?.getName() === 'Date') return 'date';
  if (flags & ts.TypeFlags.Object || type.isIntersection()) return 'object';
  return 'unknown';
}

export interface Declaration {
  /** "file:line Name" */
  where: string;
  /** Its own fields (not inherited ones: extending a protocol type is deriving, not copying), with their kinds. */
  shape: Shape;
}

/** A type-checked view of `files` (paths relative to `root`), with the project's compiler options. */
export function checkedProgram(root: string, files: string[]): ts.Program {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (f) => fs.readFileSync(f, 'utf8'));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram({ rootNames: files.map((f) => path.join(root, f)), options: { ...options, noEmit: true } });
}

/** Interfaces and object type literals declared in `file`, each with its own fields' kinds. */
export function declaredObjectTypes(program: ts.Program, file: string, label = file): Declaration[] {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not part of the program`);
  const checker = program.getTypeChecker();
  const found: Declaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node)) {
      const shape: Shape = new Map();
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
        const symbol = checker.getSymbolAtLocation(member.name);
        shape.set(member.name.text, symbol ? typeKind(checker, checker.getTypeOfSymbolAtLocation(symbol, member)) : 'unknown');
      }
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const name = ts.isInterfaceDeclaration(node) ? node.name.text : ts.isTypeAliasDeclaration(node.parent) ? node.parent.name.text : 'object type';
      found.push({ where: `${label}:${line} ${name}`, shape });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Why `declared` is a copy of `record`, or null when it is not:
 * - "names": it has every field name of the record, whatever their types (a copy, a copy
 *   extended, or a copy whose field types were changed);
 * - "shape": every field of the record but at most one stands in it under the same name with
 *   the same kind, and the one left over stands under another name with the same kind (a copy
 *   with a renamed field, extended or not).
 */
export function copyOf(declared: Shape, record: Shape): 'names' | 'shape' | null {
  if (record.size < MIN_FIELDS || declared.size < record.size) return null;
  const missingNames = [...record.keys()].filter((k) => !declared.has(k));
  if (missingNames.length === 0) return 'names';
  if (record.size < MIN_FIELDS_RENAMED) return null;
  const unmatched = [...record].filter(([k, kind]) => declared.get(k) !== kind);
  if (unmatched.length !== 1 || missingNames.length !== 1) return null;
  const [, kind] = unmatched[0]!;
  const spare = [...declared].filter(([k]) => !record.has(k));
  return spare.some(([, k]) => k === kind) ? 'shape' : null;
}
