import { recommendForDeveloper } from '../../../shared/recommend/for-developer';
import { plural } from '../../../shared/reports/format';
import { factorLine, factorsOf, recommendationOf, recommendationRow } from '../recommend-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { recommendForDeveloperContract, type RecommendForDeveloperResult } from '../../../shared/protocol/tools/recommend-for-developer';

type Output = RecommendForDeveloperResult;

export const recommendForDeveloperTool = defineTool({
  ...recommendForDeveloperContract,
  async run(args, { catalog, signal, progress, log }) {
    const space = await catalog.search.ready({ signal, progress, log });
    const result = await recommendForDeveloper(catalog.store, space, args.person, { limit: args.limit, issues: args.issues });
    const p = result.profile;
    const structured: Output = {
      profile: { name: p.name, email: p.email, commits: p.commits, pullRequests: p.pullRequests, repositories: p.repositories.slice(0, 10), languages: p.languages, topics: p.topics.slice(0, 20) },
      repositories: result.repositories.map(recommendationOf),
      issues: result.issues.map((i) => ({ rank: i.rank, score: i.score, key: i.key, title: i.title, url: i.url, labels: i.labels.slice(0, 10), repository: i.repository?.key ?? null, factors: factorsOf(i.factors) })),
    };
    return { structured, text: render(structured, args.issues) };
  },
});

function render(o: Output, wantedIssues: number): string {
  const p = o.profile;
  const headline =
    `Profile: ${plural(p.commits, 'commit')} in ${plural(p.repositories.length, 'stored repository', 'stored repositories')}, ${plural(p.pullRequests, 'pull request')}. ` +
    `${plural(o.repositories.length, 'repository', 'repositories')}${wantedIssues > 0 ? ` and ${plural(o.issues.length, 'good-first-issue')}` : ''} recommended, best first (score 0-1 is the sum of the factor contributions):`;
  const rows = [
    `developer ${quote(p.name)} ${quote(p.email)} languages ${quote(p.languages.map((l) => `${l.language} ${Math.round(l.share * 100)}%`).join(', '))}`,
    ...o.repositories.map(recommendationRow),
    ...o.issues.map((i) => `issue ${i.rank}. ${quote(i.key)} title ${quote(i.title, 100)} score ${i.score.toFixed(3)} labels ${quote(i.labels.join(', '))}\n   factors: ${factorLine(i.factors)}`),
  ];
  const footer = [
    o.repositories.length === 0 ? 'No repository to recommend yet: the database needs more repositories (ingest_github, or "reposcout import").' : null,
    wantedIssues > 0 && o.issues.length === 0 ? 'No open issue with a good-first-issue or help-wanted label is stored (ingest_github fetches issues).' : null,
  ].filter((s): s is string => s !== null);
  return textAnswer(headline, rows, footer);
}
