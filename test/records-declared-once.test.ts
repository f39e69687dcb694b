import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as protocol from '../shared/protocol';
import { recordJsonSchemas } from './record-json-schemas';

// Every record a tool carries is declared once, as a zod schema in shared/protocol/; the
// engine, the MCP server and the extension name it with z.output<...> instead of writing its
// fields again. This finds the relapse: an interface or object type written in those folders
// whose fields are a protocol record's, or contain all of them (a copy, or a copy extended).
// It compares field names only, so it cannot see a copy with renamed fields; that is what
// review and `duplicates` are for.

const ROOT = path.resolve(__dirname, '..');
const MIN_FIELDS = 4;

/** Declarations that share a record's field names but are not that record, and why. */
const NOT_COPIES: Record<string, string> = {
  'shared/store/repositories.ts RepositoryRow': 'a row of the repositories table (snake_case columns too); identityOf projects it into the identity record',
  'shared/github/github-store.ts OwnerRow': 'a row of the github_owners table; the organization record copies what it shows from it',
  'shared/exchange/record.ts RepositoryRecord': "the line format of `reposcout export`/`import` (a file, not a tool's answer), validated by its own repositoryRecordSchema, which accepts more",
  'shared/memory/remember.ts RememberInput': "the engine's arguments (readonly lists, `at` for imports and tests), not a record; the tool's input schema adds the limits",
};

/** The field-name sets of every object schema the protocol exports, at any depth (tool inputs and outputs included). */
function protocolRecords(): Map<string, string> {
  const records = new Map<string, string>();
  const seen = new Set<unknown>();
  const walk = (schema: unknown, at: string): void => {
    if (!(schema instanceof z.ZodType) || seen.has(schema)) return;
    seen.add(schema);
    if (schema instanceof z.ZodObject) {
      const keys = Object.keys(schema.shape).sort();
      if (keys.length >= MIN_FIELDS && !records.has(keys.join(','))) records.set(keys.join(','), at);
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
  return records;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return rel === 'shared/protocol' || entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [rel] : [];
  });
}

/** Interfaces and object type literals declared in a file, each with its field names. */
function declaredObjectTypes(file: string): { where: string; fields: string[] }[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { where: string; fields: string[] }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node)) {
      const fields = node.members.flatMap((m) => (ts.isPropertySignature(m) && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : []));
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const name = ts.isInterfaceDeclaration(node) ? node.name.text : ts.isTypeAliasDeclaration(node.parent) ? node.parent.name.text : 'object type';
      found.push({ where: `${file}:${line} ${name}`, fields });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('records are declared once, in shared/protocol/', () => {
  const records = protocolRecords();

  it('finds the protocol records it compares against', () => {
    // A handful by name, so a broken walk cannot pass by finding nothing.
    const paths = [...records.values()];
    for (const at of ['repositoryResearchSchema', 'memorySchema', 'cardSchema', 'factorSchema', 'searchHitSchema']) expect(paths.some((p) => p.startsWith(at))).toBe(true);
    expect(records.size).toBeGreaterThan(60);
  });

  it('no engine, server or extension file declares a type with a protocol record\'s fields', () => {
    const copies: string[] = [];
    for (const file of [...sourceFiles('shared'), ...sourceFiles('mcp-server'), ...sourceFiles('extension')]) {
      for (const { where, fields } of declaredObjectTypes(file)) {
        if (fields.length < MIN_FIELDS || NOT_COPIES[where.replace(/:\d+ /, ' ')]) continue;
        const own = new Set(fields);
        for (const [keys, at] of records) {
          const recordFields = keys.split(',');
          if (recordFields.every((f) => own.has(f))) copies.push(`${where} has every field of ${at} (${keys})`);
        }
      }
    }
    expect(copies).toEqual([]);
  });

  it('would catch a copy', () => {
    const copy = ts.createSourceFile('x.ts', 'interface Card { key: string; name: string; owner: string | null; description: string; language: string | null; topics: string[]; health: number | null; stars: number | null; url: string | null }', ts.ScriptTarget.Latest);
    const fields = (copy.statements[0] as ts.InterfaceDeclaration).members.map((m) => (m.name as ts.Identifier).text);
    expect(records.has([...fields].sort().join(','))).toBe(true);
  });
});

describe('the published record schemas', () => {
  it.each(Object.keys(recordJsonSchemas))('%s is generated from the protocol as it is', (file) => {
    const onDisk = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(onDisk === recordJsonSchemas[file]!(), `${file} is out of date; run "npm run readme"`).toBe(true);
  });
});
