import { z } from 'zod';
import type { CitationReference } from '../../../shared/research/org-types';
import { plural } from '../../../shared/reports/format';
import { cursorInput, type CursorPosition, limitInput, pageOf } from '../cursor';
import { ownerInput, requireOrganization } from '../organizations';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

const REPOSITORIES_SHOWN = 10;
const AUTHORS_SHOWN = 5;

const input = z.strictObject({
  owner: ownerInput,
  kind: z.enum(['doi', 'arxiv', 'zenodo']).optional().describe('Only references of this kind.'),
  repository: z.string().min(1).max(100).optional().describe('Only references and citation files of this repository (its name within the owner, case-insensitive).'),
  limit: limitInput(100, 20),
  cursor: cursorInput('owner, kind and repository'),
});

const n = () => z.number();
const output = z.object({
  owner: z.string(),
  counts: z.object({ citationFiles: n(), dois: n(), arxiv: n(), zenodo: n(), repositoriesWithCitations: n() }),
  references: z.array(z.object({ kind: z.enum(['doi', 'arxiv', 'zenodo']), id: z.string(), url: z.string(), repositories: z.array(z.string()), repositoryCount: n() })),
  total: n(),
  nextCursor: z.string().nullable(),
  citationFiles: z.array(
    z.object({
      repository: z.string(),
      title: z.string().nullable(),
      version: z.string().nullable(),
      doi: z.string().nullable(),
      dateReleased: z.string().nullable(),
      authors: z.array(z.string()),
      problems: z.array(z.string()),
    }),
  ),
});

type Output = z.output<typeof output>;

export const getCitationsTool = defineTool({
  name: 'get_citations',
  toolset: 'research',
  title: "An organization's citations",
  description:
    "Read the academic citations of a researched GitHub organization's repositories: CITATION.cff files (title, version, DOI, authors) and the DOIs, arXiv ids and Zenodo records their READMEs mention, with which repositories share each reference. " +
    'Use it to find the papers and datasets behind an organization\'s software or how to cite it. References are paged, 20 by default, most shared first.',
  input,
  output,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
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
