import type { CffSummary } from './org-types';

// CITATION.cff is YAML. RepoScout reads the subset the Citation File Format uses (block
// maps, block lists of maps or scalars, quoted and plain scalars, comments, `|`/`>` block
// text, one-line flow lists) without a YAML dependency; anything else is reported as a
// problem and skipped, never thrown.

type Yaml = string | Yaml[] | { [key: string]: Yaml };

interface Line {
  indent: number;
  text: string;
  number: number;
}

const MAX_LINES = 2_000;

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    return v.slice(1, -1).replace(/\\(["\\/bfnrt])/g, (_, c: string) => ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' })[c] ?? c);
  }
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/**
 * Splits a "key: value" line in one left-to-right pass (a regular expression with a lazy key
 * and optional spaces before the colon backtracked quadratically on long hostile lines).
 * The key is a quoted string, or the text before the first colon, which must not contain any
 * of `plainForbidden`; the colon must end the line or be followed by white space.
 */
export function splitKey(text: string, plainForbidden = ''): { key: string; rest: string } | null {
  const afterColon = (from: number): string | null => {
    let i = from;
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (text[i] !== ':') return null;
    const rest = text.slice(i + 1);
    return rest === '' || /^\s/.test(rest) ? rest.trim() : null;
  };
  const open = text[0];
  if (open === '"' || open === "'") {
    const close = text.indexOf(open, 1);
    const rest = close > 0 ? afterColon(close + 1) : null;
    if (rest !== null) return { key: text.slice(0, close + 1), rest };
  }
  const colon = text.indexOf(':');
  if (colon < 1) return null;
  const key = text.slice(0, colon);
  for (const c of plainForbidden) if (key.includes(c)) return null;
  const rest = afterColon(colon);
  return rest === null ? null : { key: key.trimEnd(), rest };
}

function stripComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

function scalar(raw: string): Yaml {
  const v = raw.trim();
  if (v.startsWith('[') && v.endsWith(']')) {
    return v.slice(1, -1).split(',').map((item) => unquote(item)).filter((item) => item !== '');
  }
  return unquote(v);
}

class Parser {
  private i = 0;
  readonly problems: string[] = [];
  constructor(private readonly lines: Line[]) {}

  parse(): Yaml {
    return this.block(0);
  }

  private block(indent: number): Yaml {
    const first = this.lines[this.i];
    if (!first || first.indent < indent) return '';
    return first.text.startsWith('- ') || first.text === '-' ? this.list(first.indent) : this.map(first.indent);
  }

  private map(indent: number): Yaml {
    const out: Record<string, Yaml> = {};
    while (this.i < this.lines.length) {
      const line = this.lines[this.i] as Line;
      if (line.indent < indent) break;
      if (line.indent > indent) {
        this.problems.push(`line ${line.number}: unexpected indentation`);
        this.i++;
        continue;
      }
      const pair = splitKey(line.text);
      if (!pair) {
        if (line.text.startsWith('- ')) break;
        this.problems.push(`line ${line.number}: not a "key: value" line`);
        this.i++;
        continue;
      }
      const key = unquote(pair.key);
      const rest = pair.rest;
      this.i++;
      if (rest === '|' || rest === '>' || rest === '|-' || rest === '>-') out[key] = this.text(indent, rest.startsWith('>'));
      else if (rest !== '') out[key] = scalar(rest);
      else {
        const next = this.lines[this.i];
        out[key] = next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- '))) ? this.block(next.indent) : '';
      }
    }
    return out;
  }

  private list(indent: number): Yaml {
    const out: Yaml[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i] as Line;
      if (line.indent !== indent || !(line.text.startsWith('- ') || line.text === '-')) break;
      const rest = line.text.slice(1).trim();
      if (rest === '') {
        this.i++;
        out.push(this.block(indent + 1));
      } else if (splitKey(rest, `"'[`)) {
        // "- key: value" starts a map whose keys sit at the column after "- ".
        const column = indent + (line.text.length - line.text.slice(1).trimStart().length);
        this.lines[this.i] = { ...line, indent: column, text: rest };
        out.push(this.map(column));
      } else {
        this.i++;
        out.push(scalar(rest));
      }
    }
    return out;
  }

  private text(indent: number, folded: boolean): string {
    const parts: string[] = [];
    while (this.i < this.lines.length && (this.lines[this.i] as Line).indent > indent) parts.push((this.lines[this.i++] as Line).text);
    return parts.join(folded ? ' ' : '\n');
  }
}

/** Parses CFF (YAML subset) into plain values, with a list of problems instead of exceptions. */
export function parseCffYaml(text: string): { value: Yaml; problems: string[] } {
  const lines: Line[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, MAX_LINES);
  raw.forEach((source, index) => {
    if (/^\s*(#.*)?$/.test(source) || source.startsWith('---') || source.startsWith('...')) return;
    if (/^\t/.test(source)) return;
    const body = stripComment(source);
    if (body.trim() === '') return;
    lines.push({ indent: body.length - body.trimStart().length, text: body.trim(), number: index + 1 });
  });
  const parser = new Parser(lines);
  const value = parser.parse();
  return { value, problems: parser.problems.slice(0, 10) };
}

const str = (v: Yaml | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const obj = (v: Yaml | undefined): Record<string, Yaml> => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

function personName(entry: Yaml): string | null {
  const p = obj(entry);
  const name = str(p.name) ?? [str(p['given-names']), str(p['name-particle']), str(p['family-names']), str(p['name-suffix'])].filter(Boolean).join(' ');
  return name ? name : null;
}

function doiOf(record: Record<string, Yaml>): string | null {
  const direct = str(record.doi);
  if (direct) return direct.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  for (const id of Array.isArray(record.identifiers) ? record.identifiers : []) {
    const o = obj(id);
    if (str(o.type)?.toLowerCase() === 'doi' && str(o.value)) return (str(o.value) as string).replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  }
  return null;
}

/** The fields of a CITATION.cff that a report shows, and the problems found reading it. */
export function parseCitationCff(text: string): CffSummary {
  const { value, problems } = parseCffYaml(text);
  const root = obj(value);
  if (Object.keys(root).length === 0) problems.push('no "key: value" fields found');
  if (!str(root['cff-version'])) problems.push('missing cff-version');
  if (!str(root.title)) problems.push('missing title');
  const authors = (Array.isArray(root.authors) ? root.authors : []).map(personName).filter((n): n is string => n !== null);
  if (authors.length === 0) problems.push('no authors');
  const preferred = obj(root['preferred-citation']);
  const hasPreferred = Object.keys(preferred).length > 0;
  const year = str(preferred.year) ?? (str(preferred['date-published'])?.slice(0, 4) ?? null);
  return {
    title: str(root.title),
    version: str(root.version),
    doi: doiOf(root),
    dateReleased: str(root['date-released']),
    authors: authors.slice(0, 50),
    preferredCitation: hasPreferred ? { title: str(preferred.title), doi: doiOf(preferred), journal: str(preferred.journal) ?? str(preferred.conference) ?? null, year } : null,
    problems,
  };
}
