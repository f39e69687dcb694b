import type { OrganizationRepository, OrganizationResearch } from '../../../shared/research/org-types';
import { organizationHeadline, organizationSummaryOf, ownerRows, requireOrganization } from '../organizations';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { getOrganizationContract, organizationSections, type GetOrganizationResult } from '../../../shared/protocol/tools/get-organization';

const RECENT_WEEKS = 26;
const TOP_LANGUAGES = 15;

type Section = (typeof organizationSections)[number];

type Output = GetOrganizationResult;

export const getOrganizationTool = defineTool({
  ...getOrganizationContract,
  run(args, context) {
    const research = requireOrganization(context, args.owner);
    const wanted = new Set<Section>(args.sections.includes('all') ? organizationSections : (args.sections as Section[]));
    const structured: Output = { ...organizationSummaryOf(research), ...sections(research, wanted) };
    return { structured, text: render(research, structured) };
  },
});

function rankedOf(r: OrganizationRepository): NonNullable<Output['best']>[number] {
  return {
    name: r.name,
    key: r.key,
    health: r.health,
    grade: r.grade,
    language: r.language,
    busFactor: r.busFactor,
    contributors: r.contributors,
    pushedAt: r.pushedAt,
    strengths: r.strengths,
    weaknesses: r.weaknesses,
  };
}

function sections(r: OrganizationResearch, wanted: Set<Section>): Partial<Output> {
  const out: Partial<Output> = {};
  if (wanted.has('health')) out.healthDistribution = { histogram: r.health.histogram, components: r.health.components };
  if (wanted.has('best')) out.best = r.health.best.map(rankedOf);
  if (wanted.has('worst')) out.worst = r.health.worst.map(rankedOf);
  if (wanted.has('languages')) out.languages = r.languages.slice(0, TOP_LANGUAGES).map((l) => ({ language: l.language, share: l.share, repositories: l.repositories }));
  if (wanted.has('activity')) {
    const { weeks, ...counts } = r.activity;
    out.activity = { ...counts, recentWeeks: weeks.slice(-RECENT_WEEKS) };
  }
  return out;
}

function render(r: OrganizationResearch, o: Output): string {
  const grades = (['A', 'B', 'C', 'D', 'F'] as const).map((g) => `${g} ${o.health.grades[g]}`).join(', ');
  const headline =
    `${organizationHeadline(r)} Grades: ${grades}. ${o.totals.active} active in the last 90 days, ${o.totals.dormant} dormant for over a year; ${o.totals.stars} stars. ` +
    `Network: ${o.network.people} people, ${o.network.communities} communities; ${o.topics.clusters} topic clusters; ${o.citations.repositories} repositories with citations.`;
  const rows = ownerRows(r);
  const reasons = (x: NonNullable<Output['best']>[number], kind: 'strengths' | 'weaknesses') => x[kind].map((s) => quote(s, 200)).join('; ');
  for (const x of o.best ?? []) rows.push(`best ${quote(x.name)} health ${x.health} (${x.grade}), bus factor ${x.busFactor}; strengths: ${reasons(x, 'strengths') || 'none listed'}`);
  for (const x of o.worst ?? []) rows.push(`worst ${quote(x.name)} health ${x.health} (${x.grade}), bus factor ${x.busFactor}; weaknesses: ${reasons(x, 'weaknesses') || 'none listed'}`);
  for (const l of o.languages ?? []) rows.push(`language ${quote(l.language)} ${Math.round(l.share * 100)}% of code, primary in ${l.repositories} repositories`);
  const extras: string[] = [];
  if (o.healthDistribution) {
    const histogram = o.healthDistribution.histogram.filter((b) => b.count > 0).map((b) => `${b.bucket}: ${b.count}`).join(', ');
    const weakest = o.healthDistribution.components.slice(0, 3).map((c) => `${c.label} ${Math.round(c.averageScore * 100)}%`).join(', ');
    extras.push(`Health scores: ${histogram || 'none'}. Weakest components on average: ${weakest || 'none measured'}.`);
  }
  if (o.activity) {
    const a = o.activity;
    extras.push(`Activity in the window: ${a.commitsInWindow} commits read (${a.commitsInWindowReported} reported by GitHub), ${a.pullRequestsMergedInWindow} pull requests merged, ${a.issuesOpenedInWindow} issues opened, ${a.releasesInWindow} releases.`);
  }
  return textAnswer(headline, rows, extras);
}
