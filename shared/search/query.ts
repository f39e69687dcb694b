import { RepoScoutError } from '../errors';
import { MAX_QUERY_CHARS } from '../protocol/limits';

/** Longest query kept, in characters; longer ones are cut at a word boundary with a notice. */
export { MAX_QUERY_CHARS };
/** Most words sent to FTS5; each is one OR branch. */
const MAX_FTS_TERMS = 32;

export interface PreparedQuery {
  text: string;
  /** Set when the query was cut or had nothing searchable: one sentence for the user. */
  notice: string | null;
}

/** Trims and bounds a query. Empty is INVALID_INPUT; too long is cut with a notice. */
export function prepareQuery(raw: string, what = 'query'): PreparedQuery {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') {
    throw new RepoScoutError('INVALID_INPUT', `The ${what} is empty; give at least one word to search for.`);
  }
  if (text.length <= MAX_QUERY_CHARS) return { text, notice: null };
  const cut = text.slice(0, MAX_QUERY_CHARS);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUERY_CHARS / 2));
  return {
    text: atWord,
    notice: `The ${what} was cut to its first ${atWord.length.toLocaleString('en-US')} characters (it had ${text.length.toLocaleString('en-US')}; the limit is ${MAX_QUERY_CHARS.toLocaleString('en-US')}).`,
  };
}

// Stop words carry no BM25 signal and make OR queries slow on a large index.
const STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(' '),
);

/**
 * An FTS5 MATCH expression for free text: each distinct word quoted (so FTS5 syntax in
 * user input is inert) and OR-ed, so BM25 ranks by how many and how rare the words are.
 * Null when the text has no searchable word.
 */
export function ftsMatchExpression(text: string, maxTerms = MAX_FTS_TERMS): string | null {
  const words = queryWords(text, maxTerms);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"`).join(' OR ');
}

/** Distinct lower-cased words of a query, stop words left out, at most `maxTerms`. */
export function queryWords(text: string, maxTerms = MAX_FTS_TERMS): string[] {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (STOPWORDS.has(word) || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
    if (words.length >= maxTerms) break;
  }
  return words;
}

/** Most expansion terms OR-ed into one query. */
const MAX_EXPANSION_TERMS = 24;

/**
 * The MATCH expression of an expanded query: the words themselves in the original fields
 * (title, body, topics), and lexicon concepts in the expansion field with its own BM25
 * weight, or (`conceptsEverywhere`, for typed queries) in every field, so "auth" also finds
 * the word "authentication" in a description. Null when there is nothing to match.
 */
export function expandedMatchExpression(text: string, concepts: readonly string[], conceptsEverywhere = false): string | null {
  const words = queryWords(text);
  const terms = [...new Set(concepts)].filter((c) => /[\p{L}\p{N}]/u.test(c)).slice(0, MAX_EXPANSION_TERMS);
  const parts: string[] = [];
  // Words keep to the original fields: the expansion field's broader terms ("web", "server") would match them by accident.
  if (words.length > 0) parts.push(`{title body topics_text} : (${words.map((w) => `"${w}"`).join(' OR ')})`);
  // Concepts are lexicon terms or stored expansion terms: letters, digits and spaces only once quoted.
  if (terms.length > 0) parts.push(`${conceptsEverywhere ? '' : 'expansion_text : '}(${terms.map((t) => `"${t.replace(/"/g, '')}"`).join(' OR ')})`);
  return parts.length ? parts.join(' OR ') : null;
}
