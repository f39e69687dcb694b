import { z } from 'zod';
import { RepoScoutError } from '../../../shared/errors';
import type { TopicTerm } from '../../../shared/research/org-types';
import { plural } from '../../../shared/reports/format';
import { cursorInput, type CursorPosition, limitInput, pageOf } from '../cursor';
import { ownerInput, requireOrganization } from '../organizations';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

const CLUSTERS_SHOWN = 30;
const CLUSTER_REPOSITORIES_SHOWN = 10;

const input = z.strictObject({
  owner: ownerInput,
  repository: z.string().min(1).max(100).optional().describe("Also return one repository's GitHub topics, extracted keywords and cluster; its name within the owner (case-insensitive)."),
  limit: limitInput(100, 20),
  cursor: cursorInput('owner'),
});

const n = () => z.number();
const output = z.object({
  owner: z.string(),
  clusters: z.array(z.object({ id: n(), label: z.string(), terms: z.array(z.string()), repositories: z.array(z.string()), repositoryCount: n() })),
  terms: z.array(z.object({ term: z.string(), source: z.enum(['github', 'keyword', 'both']), repositories: n() })),
  total: n(),
  nextCursor: z.string().nullable(),
  repository: z.object({ name: z.string(), githubTopics: z.array(z.string()), keywords: z.array(z.string()), cluster: n().nullable() }).optional(),
});

type Output = z.output<typeof output>;

export const getTopicsTool = defineTool({
  name: 'get_topics',
  toolset: 'research',
  title: "An organization's topics",
  description:
    "Read what a researched GitHub organization's repositories are about: topic clusters (terms that occur together, with their repositories) and the most common terms, from GitHub topics and keywords extracted from descriptions and READMEs. " +
    'Use it to map an organization\'s areas of work or find the repositories on a subject. Terms are paged, 20 by default; pass repository for one repository\'s terms and cluster.',
  input,
  output,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  run(args, context) {
    const research = requireOrganization(context, args.owner);
    const { topics } = research;
    const position = (t: TopicTerm): CursorPosition => [-t.repositories, t.term];
    const { page, nextCursor } = pageOf(topics.topics, position, { tool: 'get_topics', query: { owner: research.owner.login.toLowerCase() }, cursor: args.cursor, limit: args.limit });
    const structured: Output = {
      owner: research.owner.login,
      clusters: topics.clusters.slice(0, CLUSTERS_SHOWN).map((c) => ({
        id: c.id,
        label: c.label,
        terms: c.terms,
        repositories: c.repositories.slice(0, CLUSTER_REPOSITORIES_SHOWN),
        repositoryCount: c.repositories.length,
      })),
      terms: page,
      total: topics.topics.length,
      nextCursor,
    };
    if (args.repository !== undefined) {
      const wanted = args.repository.toLowerCase();
      const found = topics.perRepository.find((r) => r.name.toLowerCase() === wanted);
      if (!found) {
        throw new RepoScoutError('INVALID_INPUT', `${quote(research.owner.login)} has no researched repository named ${quote(args.repository)}; call list_repositories with this owner to see the names.`);
      }
      structured.repository = found;
    }
    return { structured, text: render(structured) };
  },
});

function render(o: Output): string {
  const headline = `${o.clusters.length} topic clusters; ${o.terms.length} of ${o.total} terms, most widespread first.`;
  const rows = [`owner ${quote(o.owner)}`];
  for (const c of o.clusters) rows.push(`cluster ${c.id} ${quote(c.label)}: ${plural(c.repositoryCount, 'repository', 'repositories')} (${c.repositories.map((r) => quote(r)).join(', ')}); terms ${c.terms.map((t) => quote(t)).join(', ')}`);
  for (const t of o.terms) rows.push(`term ${quote(t.term)} in ${plural(t.repositories, 'repository', 'repositories')} (${t.source})`);
  if (o.repository) {
    const r = o.repository;
    rows.push(`repository ${quote(r.name)} cluster ${r.cluster ?? 'none'}; GitHub topics ${r.githubTopics.map((t) => quote(t)).join(', ') || 'none'}; keywords ${r.keywords.map((t) => quote(t)).join(', ') || 'none'}`);
  }
  return textAnswer(headline, rows, o.nextCursor ? [`More terms: call again with cursor ${JSON.stringify(o.nextCursor)}.`] : []);
}
