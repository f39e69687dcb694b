import { plural } from '../../../shared/reports/format';
import { searchDocuments, type SearchHit } from '../../../shared/search/search';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { searchContract, type SearchResult } from '../../../shared/protocol/tools/search';

type Hit = SearchResult['hits'][number];

export const searchTool = defineTool({
  ...searchContract,
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
