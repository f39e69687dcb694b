import type { CitationReference } from '../../../shared/research/org-types';
import { plural } from '../../../shared/reports/format';
import { type CursorPosition, pageOf } from '../cursor';
import { requireOrganization } from '../organizations';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { getCitationsContract, type GetCitationsResult } from '../../../shared/protocol/tools/get-citations';

const REPOSITORIES_SHOWN = 10;
const AUTHORS_SHOWN = 5;

type Output = GetCitationsResult;

export const getCitationsTool = defineTool({
  ...getCitationsContract,
  run(args, context) {
    const research = requireOrganization(context, args.owner);
    const { citations } = research;
    const repo = args.repository?.toLowerCase();
    const inRepo = (names: readonly string[]) => repo === undefined || names.some((name) => name.toLowerCase() === repo);
    const matching = citations.references.filter((r) => (args.kind === undefined || r.kind === args.kind) && inRepo(r.repositories));
    const position = (r: CitationReference): CursorPosition => [-r.repositories.length, r.kind, r.id];
    const query = { owner: research.owner.login.toLowerCase(), kind: args.kind, repository: repo };
    const { page, nextCursor } = pageOf(matching, position, { tool: 'get_citations', query, cursor: args.cursor, limit: args.limit });
    const files = citations.repositories.filter((r) => r.cff !== null && inRepo([r.name]));
    const structured: Output = {
      owner: research.owner.login,
      counts: citations.counts,
      references: page.map((r) => ({ kind: r.kind, id: r.id, url: r.url, repositories: r.repositories.slice(0, REPOSITORIES_SHOWN), repositoryCount: r.repositories.length })),
      total: matching.length,
      nextCursor,
      // Citation files are few (one per repository at most); the first `limit` are enough to cite from.
      citationFiles: files.slice(0, args.limit).map((r) => ({
        repository: r.name,
        title: r.cff?.title ?? null,
        version: r.cff?.version ?? null,
        doi: r.cff?.doi ?? null,
        dateReleased: r.cff?.dateReleased ?? null,
        authors: (r.cff?.authors ?? []).slice(0, AUTHORS_SHOWN),
        problems: r.cff?.problems ?? [],
      })),
    };
    return { structured, text: render(structured) };
  },
});

function render(o: Output): string {
  const c = o.counts;
  const headline =
    `${c.citationFiles} CITATION.cff files; ${c.dois} DOIs, ${c.arxiv} arXiv references, ${c.zenodo} Zenodo records across ${c.repositoriesWithCitations} repositories. ` +
    `${o.references.length} of ${o.total} matching references, most shared first.`;
  const rows = [`owner ${quote(o.owner)}`];
  for (const r of o.references) rows.push(`${r.kind} ${quote(r.id)} ${quote(r.url)} in ${plural(r.repositoryCount, 'repository', 'repositories')}: ${r.repositories.map((x) => quote(x)).join(', ')}`);
  for (const f of o.citationFiles) {
    rows.push(
      `citation file of ${quote(f.repository)}: title ${f.title === null ? 'none' : quote(f.title)}${f.version ? ` version ${quote(f.version)}` : ''}${f.doi ? ` doi ${quote(f.doi)}` : ''}; authors ${f.authors.map((a) => quote(a)).join(', ') || 'none'}` +
        (f.problems.length ? `; problems ${f.problems.map((p) => quote(p)).join('; ')}` : ''),
    );
  }
  return textAnswer(headline, rows, o.nextCursor ? [`More: call again with cursor ${JSON.stringify(o.nextCursor)}.`] : []);
}
