import { z } from 'zod';
import { recommendForDeveloper } from '../../../shared/recommend/for-developer';
import { plural } from '../../../shared/reports/format';
import { factorLine, factorSchema, factorsOf, recommendationOf, recommendationRow, recommendationSchema } from '../recommend-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

const input = z.strictObject({
  person: z
    .string()
    .min(1, 'person is empty; pass an e-mail address, a name or a GitHub login')
    .max(200)
    .describe('The developer: an e-mail address, a name, or a GitHub login of someone in the commit history of a stored repository (get_contributors lists them).'),
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit is at most 50').default(10).describe('Repositories to return, 1-50.'),
  issues: z.number().int().min(0).max(50, 'issues is at most 50').default(10).describe('Good-first-issues to return, 0-50.'),
});

const issue = z.object({
  rank: z.number(),
  score: z.number(),
  key: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  labels: z.array(z.string()),
  repository: z.string().nullable(),
  factors: z.array(factorSchema),
});

const output = z.object({
  profile: z.object({
    name: z.string(),
    email: z.string(),
    commits: z.number(),
    pullRequests: z.number(),
    repositories: z.array(z.object({ key: z.string(), commits: z.number() })),
    languages: z.array(z.object({ language: z.string(), share: z.number() })),
    topics: z.array(z.string()),
  }),
  repositories: z.array(recommendationSchema),
  issues: z.array(issue),
});

type Output = z.output<typeof output>;

export const recommendForDeveloperTool = defineTool({
  name: 'recommend_for_developer',
  toolset: 'recommend',
  title: 'Recommend contributions for a developer',
  description:
    "Repositories a developer could contribute to next, and open good-first-issues, from a profile built from their commits and pull requests in the stored repositories (languages, topics, what they worked on). " +
    'Repositories they already commit to are left out. Every result carries its score and per-factor explanation (match with their work, stack overlap, health, activity, popularity; for issues also freshness).',
  input,
  output,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
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
