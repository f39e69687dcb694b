import { analyses } from '../../../shared/analyses/registry';
import type { RepositoryResearch } from '../../../shared/research/types';
import { plural } from '../../../shared/reports/format';
import { githubFactsOf } from '../../../shared/research/publish';
import { identityOf, summaryOf } from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { analysisRecords, repositorySections, type RepositorySection } from '../../../shared/protocol/research';
import { getRepositoryContract, type GetRepositoryResult } from '../../../shared/protocol/tools/get-repository';

type Output = GetRepositoryResult;

export const getRepositoryTool = defineTool({
  ...getRepositoryContract,
  run(args, { catalog }) {
    const { row, research } = catalog.resolve(args.repository);
    const wanted = new Set<RepositorySection>(args.sections.includes('all') ? repositorySections : (args.sections as RepositorySection[]));
    const structured: Output = { repository: identityOf(row), summary: summaryOf(research), ...githubFactsField(research), ...sections(research, wanted) };
    return { structured, text: render(structured) };
  },
});

function githubFactsField(r: RepositoryResearch): Pick<Output, 'github'> {
  const github = githubFactsOf(r);
  return github ? { github } : {};
}

/** The asked-for sections, each published by its analysis (shared/analyses/registry.ts). */
function sections(r: RepositoryResearch, wanted: Set<RepositorySection>): Partial<Output> {
  const out: Record<string, unknown> = {};
  for (const { name, publish } of analyses) {
    const value = r[name];
    const published: { section: RepositorySection } | null = analysisRecords[name].published;
    // The output schema (parsed in register-tool.ts) checks each section against its record.
    if (publish && published && value !== undefined && wanted.has(published.section)) out[name] = (publish as (v: typeof value) => unknown)(value);
  }
  return out as Partial<Output>;
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
