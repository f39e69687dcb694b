import { RepoScoutError } from '../../../shared/errors';
import type { TopicTerm } from '../../../shared/research/org-types';
import { plural } from '../../../shared/reports/format';
import { type CursorPosition, pageOf } from '../cursor';
import { requireOrganization } from '../organizations';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { getTopicsContract, type GetTopicsResult } from '../../../shared/protocol/tools/get-topics';

const CLUSTERS_SHOWN = 30;
const CLUSTER_REPOSITORIES_SHOWN = 10;

type Output = GetTopicsResult;

export const getTopicsTool = defineTool({
  ...getTopicsContract,
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
