import { z } from 'zod';
import type { RepositoryResearch } from '../../../shared/research/types';
import { plural } from '../../../shared/reports/format';
import {
  busFactorSchema,
  contributorSchema,
  hotspotSchema,
  identityOf,
  identitySchema,
  pullRequestBriefSchema,
  repositoryInput,
  summaryOf,
  summarySchema,
} from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

// Sections cap their lists; the dedicated tools page through everything.
const TOP = 10;
const RECENT_WEEKS = 26;

const sectionNames = ['health', 'activity', 'contributors', 'bus_factor', 'hotspots', 'languages', 'community_files', 'pull_requests', 'releases'] as const;
type Section = (typeof sectionNames)[number];

const input = z.strictObject({
  repository: repositoryInput,
  sections: z
    .array(z.enum([...sectionNames, 'all']))
    .max(10)
    .default([])
    .describe('Extra sections besides the summary: health (per-component breakdown), activity (last 26 weeks), contributors (top 10), bus_factor, hotspots (top 10), languages, community_files, pull_requests (10 most recent), releases; or "all".'),
});

const output = z.object({
  repository: identitySchema,
  summary: summarySchema,
  // Always present for GitHub repositories: what the API says beyond the history.
  github: z
    .object({
      url: z.string().nullable(),
      description: z.string().nullable(),
      stars: z.number(),
      forks: z.number(),
      openIssues: z.number(),
      openPullRequests: z.number(),
      topics: z.array(z.string()),
      isArchived: z.boolean(),
      isFork: z.boolean(),
      pushedAt: z.string().nullable(),
    })
    .optional(),
  health: z
    .object({
      score: z.number(),
      grade: z.enum(['A', 'B', 'C', 'D', 'F']),
      components: z.array(
        z.object({ id: z.string(), label: z.string(), weight: z.number(), score: z.number().min(0).max(1).nullable(), points: z.number(), detail: z.string() }),
      ),
    })
    .optional(),
  activity: z
    .object({
      totalCommits: z.number(),
      totalMerges: z.number(),
      firstCommitAt: z.string(),
      lastCommitAt: z.string(),
      daysSinceLastCommit: z.number(),
      commitsLast90Days: z.number(),
      activeWeeksLast26: z.number(),
      recentWeeks: z.array(z.object({ week: z.string(), commits: z.number(), authors: z.number() })),
    })
    .optional(),
  contributors: z.object({ humans: z.number(), bots: z.number(), top: z.array(contributorSchema) }).optional(),
  busFactor: z.object({ windowMonths: z.number(), window: busFactorSchema, allTime: busFactorSchema }).optional(),
  hotspots: z.array(hotspotSchema).optional(),
  languages: z.array(z.object({ language: z.string(), files: z.number(), bytes: z.number(), share: z.number().min(0).max(1) })).optional(),
  communityFiles: z
    .object({
      readme: z.string().nullable(),
      license: z.object({ path: z.string(), spdxId: z.string().nullable() }).nullable(),
      contributing: z.string().nullable(),
      codeOfConduct: z.string().nullable(),
      security: z.string().nullable(),
      citation: z.string().nullable(),
      changelog: z.string().nullable(),
      ci: z.array(z.string()),
      tests: z.object({ present: z.boolean(), files: z.number(), examples: z.array(z.string()) }),
      linters: z.array(z.string()),
      dependencyUpdates: z.array(z.string()),
    })
    .optional(),
  pullRequests: z
    .object({
      total: z.number(),
      merge: z.number(),
      squash: z.number(),
      inWindow: z.number(),
      reviewedShare: z.number().min(0).max(1).nullable(),
      recent: z.array(pullRequestBriefSchema),
    })
    .optional(),
  releases: z.object({ tags: z.number(), last365Days: z.number(), latest: z.object({ name: z.string(), date: z.string().nullable() }).nullable() }).optional(),
});

type Output = z.output<typeof output>;

export const getRepositoryTool = defineTool({
  name: 'get_repository',
  toolset: 'research',
  title: "Get a repository's research",
  description:
    "Get the stored research of one repository (a local clone or a GitHub repository): by default a compact summary with health score and grade, commits, last commit, contributors, bus factor, pull requests, releases, main language, licence, and for GitHub the stars, topics and archived state. " +
    'Ask for sections to get more: the health breakdown (why the score is what it is), recent weekly activity, top contributors, bus factor people, hotspots, languages, community files (README, licence, CI, tests, security policy), recent pull requests, releases. ' +
    'Request only the sections you need.',
  input,
  output,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  run(args, { catalog, enabledTools }) {
    const { row, research } = catalog.resolve(args.repository, enabledTools);
    const wanted = new Set<Section>(args.sections.includes('all') ? sectionNames : (args.sections as Section[]));
    const structured: Output = { repository: identityOf(row), summary: summaryOf(research), ...githubFacts(research), ...sections(research, wanted) };
    return { structured, text: render(structured) };
  },
});

function githubFacts(r: RepositoryResearch): Pick<Output, 'github'> {
  const g = r.repository.github;
  if (!g) return {};
  return {
    github: {
      url: g.url,
      description: g.description,
      stars: g.stars,
      forks: g.forks,
      openIssues: g.openIssues,
      openPullRequests: g.openPullRequests,
      topics: g.topics,
      isArchived: g.isArchived,
      isFork: g.isFork,
      pushedAt: g.pushedAt,
    },
  };
}

function sections(r: RepositoryResearch, wanted: Set<Section>): Partial<Output> {
  const out: Partial<Output> = {};
  if (wanted.has('health')) out.health = r.health;
  if (wanted.has('activity')) {
    const { weeks, ...rest } = r.activity;
    out.activity = { ...rest, recentWeeks: weeks.slice(-RECENT_WEEKS) };
  }
  if (wanted.has('contributors')) {
    out.contributors = {
      humans: r.contributors.humans.length,
      bots: r.contributors.bots.length,
      top: r.contributors.humans.slice(0, TOP).map(({ isBot: _isBot, ...c }) => c),
    };
  }
  if (wanted.has('bus_factor')) out.busFactor = r.busFactor;
  if (wanted.has('hotspots')) out.hotspots = r.hotspots.slice(0, TOP);
  if (wanted.has('languages')) out.languages = r.languages;
  if (wanted.has('community_files')) out.communityFiles = r.communityFiles;
  if (wanted.has('pull_requests')) {
    const { recent, ...counts } = r.pullRequests;
    out.pullRequests = {
      ...counts,
      recent: recent.slice(0, TOP).map((pr) => ({
        number: pr.number,
        source: pr.source,
        title: pr.title,
        author: pr.author,
        mergedAt: pr.mergedAt,
        additions: pr.additions,
        deletions: pr.deletions,
        filesChanged: pr.filesChanged,
      })),
    };
  }
  if (wanted.has('releases')) out.releases = r.releases;
  return out;
}

function render(o: Output): string {
  const s = o.summary;
  const github = o.github !== undefined;
  const reviewed =
    s.pullRequests.reviewedShare === null
      ? ''
      : github
        ? `, ${Math.round(s.pullRequests.reviewedShare * 100)}% of those merged recently answered or reviewed by someone else`
        : `, ${Math.round(s.pullRequests.reviewedShare * 100)}% of recent changes via PRs`;
  const source = github ? `from the GitHub API${o.github?.isArchived ? ' (archived)' : ''}` : `at ${s.headSha.slice(0, 12)}${s.isShallow ? ' (shallow clone: partial history)' : ''}`;
  const headline =
    `Health ${s.health.score}/100 (grade ${s.health.grade}), analysed ${s.analyzedAt.slice(0, 10)} ${source}. ` +
    `${s.commits} commits, last ${s.lastCommitAt.slice(0, 10)}, ${s.commitsLast90Days} in the last 90 days; ${plural(s.contributors.humans, 'person', 'people')}, ${plural(s.contributors.bots, 'bot')}; ` +
    `bus factor ${s.busFactor.window} (last ${s.windowMonths} months), ${s.busFactor.allTime} all time; ${s.pullRequests.total} pull requests${reviewed}; ` +
    `${s.releases.tags} ${github ? 'releases' : 'tags'}, ${s.releases.last365Days} in the last year; licence ${s.license ?? 'none found'}` +
    (o.github ? `; ${o.github.stars} stars, ${o.github.openIssues} open issues, ${o.github.openPullRequests} open pull requests.` : '.');
  const rows = [`key ${quote(o.repository.key)} name ${quote(o.repository.name)}${s.primaryLanguage ? ` language ${quote(s.primaryLanguage)}` : ''}`];
  if (o.github) {
    const g = o.github;
    rows.push(`github ${g.url === null ? 'no url' : quote(g.url)}${g.description ? ` description ${quote(g.description, 300)}` : ''}${g.topics.length ? ` topics ${g.topics.map((t) => quote(t)).join(', ')}` : ''}`);
  }
  for (const c of o.health?.components ?? []) rows.push(`health ${c.id}: ${c.score === null ? 'n/a' : `${Math.round(c.score * 100)}%`} ${c.points.toFixed(1)} pts — ${quote(c.detail, 300)}`);
  for (const c of o.contributors?.top ?? []) rows.push(`contributor ${quote(c.name)}${c.email ? ` ${quote(c.email)}` : ''} ${c.commits} commits, ${c.commitsInWindow} in window`);
  for (const p of o.busFactor?.window.people ?? []) rows.push(`bus factor person ${quote(p.name)} ${Math.round(p.share * 100)}% of window commits`);
  for (const h of o.hotspots ?? []) rows.push(`hotspot ${quote(h.path)} churn ${h.churn} in ${h.commits} commits by ${h.authors} authors`);
  for (const l of o.languages ?? []) rows.push(`language ${quote(l.language)} ${Math.round(l.share * 100)}%`);
  for (const pr of o.pullRequests?.recent ?? []) rows.push(`PR #${pr.number} ${quote(pr.title)} by ${pr.author ? quote(pr.author.name) : 'unknown'} merged ${pr.mergedAt?.slice(0, 10) ?? '?'}`);
  if (o.releases?.latest) rows.push(`latest release ${quote(o.releases.latest.name)} on ${o.releases.latest.date?.slice(0, 10) ?? 'unknown date'}`);
  const extras: string[] = [];
  if (o.activity) extras.push(`Activity: ${o.activity.activeWeeksLast26} of the last 26 weeks had commits; last commit ${o.activity.daysSinceLastCommit} days before the analysis.`);
  if (o.communityFiles) {
    const f = o.communityFiles;
    const have = (label: string, v: unknown) => `${label} ${v ? 'yes' : 'no'}`;
    extras.push(`Community files: ${[have('README', f.readme), have('licence', f.license), have('CONTRIBUTING', f.contributing), have('code of conduct', f.codeOfConduct), have('security policy', f.security), have('CI', f.ci.length), have('tests', f.tests.present), have('changelog', f.changelog)].join(', ')}.`);
  }
  return textAnswer(headline, rows, extras);
}
