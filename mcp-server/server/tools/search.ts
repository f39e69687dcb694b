import { z } from 'zod';
import { plural } from '../../../shared/reports/format';
import { DOCUMENT_KINDS } from '../../../shared/search/documents';
import { MAX_QUERY_CHARS } from '../../../shared/search/query';
import { searchDocuments, type SearchHit } from '../../../shared/search/search';
import { embedderSchema, searchModeInput } from '../recommend-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

// Queries past MAX_QUERY_CHARS are cut (with a notice); past this they are refused.
const MAX_QUERY_INPUT = 10_000;

export const queryInput = z
  .string()
  .min(1, 'query is empty; give at least one word to search for')
  .max(MAX_QUERY_INPUT, `query is longer than ${MAX_QUERY_INPUT.toLocaleString('en-US')} characters; only the first ${MAX_QUERY_CHARS.toLocaleString('en-US')} are searched, so send a shorter one`);

const input = z.strictObject({
  query: queryInput.describe(`Words to search for, in any language the data is in. Only the first ${MAX_QUERY_CHARS.toLocaleString('en-US')} characters are used (longer queries are cut with a notice).`),
  kinds: z.array(z.enum(DOCUMENT_KINDS)).min(1).max(DOCUMENT_KINDS.length).optional().describe('Only these kinds of documents (default: all).'),
  owner: z.string().min(1).max(100).optional().describe('Only documents of this GitHub owner (case-insensitive).'),
  language: z.string().min(1).max(50).optional().describe('Only documents whose primary language is this, e.g. "TypeScript".'),
  minHealth: z.number().int().min(0).max(100).optional().describe('Only documents of repositories with a health score of at least this (0-100); memories have none and are left out.'),
  mode: searchModeInput,
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit is at most 50').default(10).describe('Hits to return, 1-50.'),
});

const hit = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  key: z.string().describe('repository key, "<repository>#<number>" for issues and PRs, "memory:<id>" for memories'),
  repository: z.string().nullable(),
  title: z.string(),
  snippet: z.string().describe('matched words in **bold**'),
  owner: z.string().nullable(),
  language: z.string().nullable(),
  health: z.number().nullable(),
  url: z.string().nullable(),
  updatedAt: z.string().nullable(),
  score: z.number().describe('fused reciprocal-rank score'),
  bm25: z.object({ rank: z.number(), score: z.number() }).nullable(),
  vector: z.object({ rank: z.number(), similarity: z.number() }).nullable(),
  expansions: z.array(z.string()).describe('synonyms from the developer-vocabulary lexicon this hit matched, as "query words → concept" (e.g. "postgres → postgresql")'),
});

const output = z.object({
  query: z.string(),
  mode: z.enum(['hybrid', 'bm25', 'vector']),
  embedder: embedderSchema,
  notice: z.string().nullable(),
  hits: z.array(hit),
});

type Hit = z.output<typeof hit>;

export const searchTool = defineTool({
  name: 'search',
  toolset: 'recommend',
  title: 'Search repositories, issues, PRs and memories',
  description:
    "Hybrid search over everything RepoScout stored: repositories (description, README, topics), open issues, pull requests and saved memories. Keyword (BM25) and semantic (vector) retrieval are fused by reciprocal rank; filter by kind, owner, language or minimum health. " +
    'Each hit has a snippet and its rank and score from each retriever. Use a hit\'s key with get_repository, find_similar_repositories or find_people_to_ask; recall searches memories with tag and date filters.',
  input,
  output,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, { catalog, signal, progress, log }) {
    const space = await catalog.search.ready({ signal, progress, log }, args.mode !== 'bm25');
    const response = await searchDocuments(catalog.store, space, {
      query: args.query,
      limit: args.limit,
      mode: args.mode,
      kinds: args.kinds,
      owner: args.owner,
      language: args.language,
      minHealth: args.minHealth,
    });
    const structured = { query: response.query, mode: response.mode, embedder: response.embedder, notice: response.notice, hits: response.hits.map(toHit) };
    const how = response.mode === 'bm25' ? 'keyword (BM25)' : response.mode === 'vector' ? `semantic (${response.embedder?.name ?? 'vector'})` : `hybrid: BM25 + ${response.embedder?.name ?? 'vector'} vectors`;
    const headline =
      (response.notice ? `${response.notice} ` : '') +
      (structured.hits.length === 0 ? `No results (${how}).` : `${plural(structured.hits.length, 'result')}, best first (${how}):`);
    const rows = structured.hits.map(row);
    const footer = structured.hits.length === 0 ? ['Try other words, fewer filters, or mode "bm25" for exact words; list_repositories shows what is stored.'] : [];
    return { structured, text: textAnswer(headline, rows, footer, structured.hits.some((h) => h.kind === 'memory') ? 'memory' : 'repository') };
  },
});

function toHit(h: SearchHit): Hit {
  return {
    kind: h.kind,
    key: h.refKey,
    repository: h.repoKey,
    title: h.title,
    snippet: h.snippet,
    owner: h.owner,
    language: h.language,
    health: h.health,
    url: h.url,
    updatedAt: h.updatedAt,
    score: h.score,
    bm25: h.bm25,
    vector: h.vector,
    expansions: h.expansions,
  };
}

function row(h: Hit, index: number): string {
  const scores = [h.bm25 ? `bm25 #${h.bm25.rank} ${h.bm25.score.toFixed(2)}` : null, h.vector ? `vector #${h.vector.rank} ${h.vector.similarity.toFixed(2)}` : null].filter(Boolean).join(', ');
  return `${index + 1}. ${h.kind} ${quote(h.key)} title ${quote(h.title, 120)}${h.health === null ? '' : ` health ${h.health}`} [${scores}]${h.expansions.length ? ` matched ${h.expansions.map((e) => quote(e, 60)).join(', ')}` : ''}${h.snippet === '' ? '' : `\n   snippet ${quote(h.snippet, 240)}`}`;
}
