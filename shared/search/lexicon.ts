import { LEXICON_TABLE } from './lexicon-table';

/**
 * Query and document expansion from the developer-vocabulary lexicon (lexicon-table.ts):
 * "postgres", "pg" and "PostgreSQL" all name the concept `postgresql`, which belongs to
 * `database` and `sql`. Documents store the concepts they mention (and the broader fields
 * of those) in an expansion field that BM25 and the embedders read; queries add the
 * concepts they mention, matched against that field only. So "postgres driver" finds
 * "PostgreSQL driver" without either side having to spell it the other's way.
 */

/** Bumped whenever the table or the matching changes: stored expansions are recomputed. */
export const LEXICON_VERSION = 1;

interface Concept {
  term: string;
  /** Broader concepts, transitively closed. */
  broader: string[];
}

/** A concept a text mentions and the words that named it there. */
export interface ConceptMatch {
  concept: string;
  /** The text's own words (normalised) that matched, e.g. "postgres" or "socket io". */
  from: string;
}

interface Lexicon {
  /** Normalised phrase -> concepts it names. */
  phrases: Map<string, Concept[]>;
  /** First words of multi-word phrases, so n-grams are only built where one may start. */
  starts: Set<string>;
  longest: number;
}

let loaded: Lexicon | null = null;

function lexicon(): Lexicon {
  loaded ??= parseLexicon(LEXICON_TABLE);
  return loaded;
}

function parseLexicon(table: string): Lexicon {
  const lines = table
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l.includes('|'));
  const rows = lines.map((line) => {
    const [term, broader, variants] = line.split('|').map((s) => s.trim()) as [string, string, string];
    return { term, broader, variants: variants.split(',').map((v) => v.trim()).filter((v) => v !== '') };
  });
  const names = new Set(rows.map((r) => r.term));
  // Broader fields are written space-separated; multi-word concept names are read greedily.
  const direct = new Map<string, string[]>();
  for (const row of rows) direct.set(row.term, splitNames(row.broader, names));
  const closure = (term: string, seen = new Set<string>()): string[] => {
    for (const b of direct.get(term) ?? []) {
      if (seen.has(b) || b === term) continue;
      seen.add(b);
      closure(b, seen);
    }
    return [...seen];
  };
  const concepts = new Map(rows.map((r) => [r.term, { term: r.term, broader: closure(r.term) } satisfies Concept]));
  const phrases = new Map<string, Concept[]>();
  const starts = new Set<string>();
  let longest = 1;
  for (const row of rows) {
    for (const variant of [row.term, ...row.variants]) {
      const words = plainWords(variant);
      // A one-letter word ("c" of "c++") would match everywhere.
      if (words.length === 0 || (words.length === 1 && words[0]!.length < 2)) continue;
      const key = words.map(singular).join(' ');
      const list = phrases.get(key) ?? [];
      if (!list.includes(concepts.get(row.term)!)) list.push(concepts.get(row.term)!);
      phrases.set(key, list);
      if (words.length > 1) starts.add(singular(words[0]!));
      longest = Math.max(longest, words.length);
    }
  }
  return { phrases, starts, longest };
}

function splitNames(text: string, names: Set<string>): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 1;
    for (let n = Math.min(3, words.length - i); n > 1; n--) {
      if (names.has(words.slice(i, i + n).join(' '))) {
        taken = n;
        break;
      }
    }
    out.push(words.slice(i, i + taken).join(' '));
    i += taken;
  }
  return out;
}

/** Lower-cased, accent-folded words split at anything not a letter or digit. */
function plainWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The words concepts are matched on: plain words, except that an identifier the lexicon does
 * not know is split at camelCase humps ("MongoDB" -> mongo db, "SocketIO" -> socket io) and a
 * package-name "js" suffix is cut ("bitcoinjs" -> bitcoin). Known words stay whole, so
 * "JavaScript" is never read as "java". `parts` are the pieces that splitting produced.
 */
function conceptWords(text: string, lex: Lexicon): { words: string[]; parts: string[] } {
  const words: string[] = [];
  const parts: string[] = [];
  // Most text is ASCII: skip Unicode folding and property classes there (a large import runs this per document).
  const ascii = !NON_ASCII.test(text);
  const source = ascii ? text : text.normalize('NFKD').replace(/\p{M}+/gu, '');
  for (const match of source.matchAll(ascii ? ASCII_WORD : UNICODE_WORD)) {
    const raw = match[0];
    const word = raw.toLowerCase();
    if (raw !== word && HUMP.test(raw) && !lex.phrases.has(singular(word))) {
      const split = plainWords(raw.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2'));
      words.push(...split);
      parts.push(...split.filter((p) => p.length >= 3));
    } else if (word.length > 4 && word.endsWith('js') && !lex.phrases.has(word)) {
      words.push(word.slice(0, -2));
      parts.push(word.slice(0, -2));
    } else words.push(word);
  }
  return { words, parts };
}

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_WORD = /[A-Za-z0-9]+/g;
const UNICODE_WORD = /[\p{L}\p{N}]+/gu;
// A camelCase hump: aB, or ABc (an acronym followed by a word).
const HUMP = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;

// "drivers" -> "driver", but "class", "redis", "kubernetes" stay: the table's words are
// singular and few end in a single s, so a trailing s is dropped only after a consonant-ish ending.
function singular(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|ics|ies|es)$/.test(word)) return word.slice(0, -1);
  return word;
}

function matchWords(words: readonly string[], lex: Lexicon, found: Map<string, ConceptMatch>, onConcept: (c: Concept) => void): void {
  const norm = words.map(singular);
  for (let i = 0; i < norm.length; i++) {
    const first = norm[i]!;
    const single = lex.phrases.get(first);
    if (single) record(single, words[i]!);
    if (!lex.starts.has(first)) continue;
    let key = first;
    for (let n = 2; n <= lex.longest && i + n <= norm.length; n++) {
      key += ` ${norm[i + n - 1]}`;
      const hit = lex.phrases.get(key);
      if (hit) record(hit, words.slice(i, i + n).join(' '));
    }
  }
  function record(concepts: Concept[], from: string): void {
    for (const c of concepts) {
      if (!found.has(c.term)) found.set(c.term, { concept: c.term, from });
      onConcept(c);
    }
  }
}

/** The concepts a text names, each with the first words that named it. */
export function findConcepts(text: string): ConceptMatch[] {
  const lex = lexicon();
  const found = new Map<string, ConceptMatch>();
  matchWords(conceptWords(text, lex).words, lex, found, () => {});
  return [...found.values()];
}

/** Body characters read for expansion: a project's opening says what it is; the rest mentions everything. */
export const EXPANSION_BODY_CHARS = 1_000;

/**
 * The expansion field of a document: the concepts its title, topics, language and opening
 * name, their broader fields, its language, and identifier parts BM25's tokenizer cannot see ("bitcoinjs" -> bitcoin,
 * "SocketIO" -> socket io). Comma-separated, each term once.
 */
export function documentExpansion(doc: { title: string; topics_text: string; body: string; language?: string | null }): string {
  const text = `${doc.title}\n${doc.topics_text}\n${doc.language ?? ''}\n${doc.body.slice(0, EXPANSION_BODY_CHARS)}`;
  const lex = lexicon();
  const found = new Map<string, ConceptMatch>();
  const terms = new Set<string>();
  const add = (c: Concept) => {
    terms.add(c.term);
    for (const b of c.broader) terms.add(b);
  };
  const { words, parts } = conceptWords(text, lex);
  matchWords(words, lex, found, add);
  for (const part of parts) terms.add(part);
  // The main language as a word, so "a Go client" meets a Go project whose text never says so.
  for (const word of plainWords(doc.language ?? '')) terms.add(word);
  return [...terms].join(', ');
}

/**
 * The concepts a query names (not their broader fields: "postgres driver" asks for
 * PostgreSQL, not for any database), each with the query words that named it.
 */
export function queryConcepts(text: string): ConceptMatch[] {
  return findConcepts(text);
}

/** The concepts and identifier parts stored in an expansion field. */
export function expansionTerms(expansion: string): Set<string> {
  return new Set(expansion.split(', ').filter((t) => t !== ''));
}
