import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as protocol from '../shared/protocol';
import { checkedProgram, copyOf, declaredObjectTypes, MIN_FIELDS, protocolRecords, type Declaration, type ProtocolRecord } from './record-copies';
import { recordJsonSchemas } from './record-json-schemas';

// Every record a tool carries is declared once, as a zod schema in shared/protocol/; the
// engine, the MCP server and the extension name it with z.output<...> instead of writing its
// fields again. This finds the relapse: an interface or object type written in those folders
// that has a protocol record's field names (a copy, a copy extended, or a copy with its field
// types changed), or has its fields' kinds with at most one field renamed (test/record-copies.ts
// says how kinds are compared). A copy with two renamed fields is left to review and `duplicates`.

const ROOT = path.resolve(__dirname, '..');

/** Declarations that match a record but are not that record, and why. */
const NOT_COPIES: Record<string, string> = {
  'shared/store/repositories.ts RepositoryRow': 'a row of the repositories table (snake_case columns too); identityOf projects it into the identity record',
  'shared/github/github-store.ts OwnerRow': 'a row of the github_owners table; the organization record copies what it shows from it',
  'shared/exchange/record.ts RepositoryRecord': "the line format of `reposcout export`/`import` (a file, not a tool's answer), validated by its own repositoryRecordSchema, which accepts more",
  'shared/memory/remember.ts RememberInput': "the engine's arguments (readonly lists, `at` for imports and tests), not a record; the tool's input schema adds the limits",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return rel === 'shared/protocol' || entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [rel] : [];
  });
}

/** Every declaration that copies a record, as "where: why". */
function copiesAmong(declarations: Declaration[], records: ProtocolRecord[]): string[] {
  const copies: string[] = [];
  for (const { where, shape } of declarations) {
    if (shape.size < MIN_FIELDS || NOT_COPIES[where.replace(/:\d+ /, ' ')]) continue;
    for (const record of records) {
      const why = copyOf(shape, record.shape);
      if (why === 'names') copies.push(`${where} has every field name of ${record.at} (${[...record.shape.keys()].join(', ')})`);
      if (why === 'shape') copies.push(`${where} has the fields of ${record.at} with one renamed (${[...record.shape].map(([k, v]) => `${k}: ${v}`).join(', ')})`);
    }
  }
  return copies;
}

/** The declarations of a snippet, type-checked on its own (fixtures for the self-check). */
function declarationsOf(text: string): Declaration[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-records-'));
  try {
    const file = path.join(dir, 'fixture.ts');
    fs.writeFileSync(file, text);
    const program = ts.createProgram({ rootNames: [file], options: { strict: true, noEmit: true, types: [], lib: ['lib.es2023.d.ts'] } });
    return declaredObjectTypes(program, file, 'fixture.ts');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('records are declared once, in shared/protocol/', () => {
  const records = protocolRecords(protocol);

  it('finds the protocol records it compares against, with the kinds of their fields', () => {
    // A handful by name, so a broken walk cannot pass by finding nothing.
    for (const at of ['repositoryResearchSchema', 'memorySchema', 'cardSchema', 'factorSchema', 'searchHitSchema']) expect(records.some((r) => r.at.startsWith(at))).toBe(true);
    expect(records.length).toBeGreaterThan(60);
    const card = records.find((r) => r.at === 'cardSchema')!;
    expect(Object.fromEntries(card.shape)).toEqual({ key: 'string', name: 'string', owner: 'string', description: 'string', language: 'string', topics: 'string[]', health: 'number', stars: 'number', url: 'string' });
    // Few kinds unknown: each one is a field no copy can be matched on.
    const unknown = records.flatMap((r) => [...r.shape].filter(([, kind]) => kind === 'unknown').map(([k]) => `${r.at}.${k}`));
    expect(unknown.length).toBeLessThan(records.length / 4);
  });

  it('no engine, server or extension file declares a type with a protocol record\'s fields', () => {
    const files = [...sourceFiles('shared'), ...sourceFiles('mcp-server'), ...sourceFiles('extension')];
    const program = checkedProgram(ROOT, files);
    const declarations = files.flatMap((file) => declaredObjectTypes(program, path.join(ROOT, file), file));
    expect(declarations.length).toBeGreaterThan(200);
    expect(copiesAmong(declarations, records)).toEqual([]);
  });

  it('would catch a copy, a copy with a field renamed, and a copy with its field types changed', () => {
    const card = records.filter((r) => r.at === 'cardSchema');
    const found = copiesAmong(
      declarationsOf(`
        interface Copy { key: string; name: string; owner: string | null; description: string; language: string | null; topics: string[]; health: number | null; stars: number | null; url: string | null }
        interface Renamed { id: string; name: string; owner: string | null; description: string; language: string | null; topics: readonly string[]; health: number | null; stars?: number; url: string | null; extra: boolean }
        type Retyped = { key: number; name: string; owner: string; description: string; language: string; topics: string; health: string; stars: string; url: string };
        // Not copies: two fields renamed, and one renamed to a field of another kind.
        interface TwoRenamed { id: string; title: string; owner: string | null; description: string; language: string | null; topics: string[]; health: number | null; stars: number | null; url: string | null }
        interface OtherKind { id: number; name: string; owner: string | null; description: string; language: string | null; topics: string[]; health: number | null; stars: number | null; url: string | null }
      `),
      card,
    );
    expect(found.map((f) => f.replace(/ \(.*/, ''))).toEqual([
      'fixture.ts:2 Copy has every field name of cardSchema',
      'fixture.ts:3 Renamed has the fields of cardSchema with one renamed',
      'fixture.ts:4 Retyped has every field name of cardSchema',
    ]);
  });
});

describe('the published record schemas', () => {
  it.each(Object.keys(recordJsonSchemas))('%s is generated from the protocol as it is', (file) => {
    const onDisk = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(onDisk === recordJsonSchemas[file]!(), `${file} is out of date; run "npm run readme"`).toBe(true);
  });
});
