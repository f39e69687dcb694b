import type { OrganizationResearch } from '../research/org-types';
import type { Fact } from './facts';
import { formatInteger, plural } from './format';
import { escapeMarkdownText } from './markdown-escape';
import { renderMarkdownTable } from './markdown-table';
import { activityFactsOrg, organizationFacts } from './org-facts';
import {
  busFactorRiskTable,
  centralPeopleTable,
  citationFileTable,
  citationTable,
  clusterTable,
  communityTable,
  componentTable,
  orgLanguageTable,
  rankedTable,
  repositoryTable,
  topicTable,
} from './org-tables';
import { sparkline } from './sparkline';

function factList(facts: Fact[]): string {
  return facts.map((f) => `- **${escapeMarkdownText(f.label)}:** ${escapeMarkdownText(f.value)}`).join('\n');
}

/** Returns the organization report as GitHub-flavoured Markdown; every repository-provided string is escaped. */
export function renderOrganizationMarkdown(r: OrganizationResearch): string {
  const weeks = r.activity.weeks.slice(-52);
  const grades = (['A', 'B', 'C', 'D', 'F'] as const).map((g) => `${g} ${formatInteger(r.health.grades[g])}`).join(' · ');
  const sections = [
    `# ${escapeMarkdownText(r.owner.login)}: organization report`,
    r.owner.description ? `_${escapeMarkdownText(r.owner.description)}_` : '',
    `Researched ${escapeMarkdownText(r.analyzedAt.slice(0, 10))} by RepoScout from the GitHub API.`,
    '## Overview',
    factList(organizationFacts(r)),
    '## Health',
    `Grades over ${plural(r.totals.ranked, 'ranked repository', 'ranked repositories')} (archived, forks and empty ones left out): ${grades}.`,
    '`' + sparkline(r.health.histogram.map((b) => b.count), 10) + '` scores 0 → 100 in steps of 10.',
    '### Best repositories',
    renderMarkdownTable(rankedTable(r.health.best, 'strengths')),
    '### Worst repositories',
    renderMarkdownTable(rankedTable(r.health.worst, 'weaknesses')),
    '### Where the organization loses points',
    'Average score per health component, weakest first.',
    renderMarkdownTable(componentTable(r)),
    '## Languages',
    renderMarkdownTable(orgLanguageTable(r)),
    '## Activity',
    factList(activityFactsOrg(r)),
    weeks.length ? `Weekly commits across the organization:\n\n\`${sparkline(weeks.map((w) => w.commits), 52)}\`` : '',
    '## Topics',
    `${plural(r.topics.clusters.length, 'cluster')} of terms that occur together (GitHub topics plus keywords from descriptions and READMEs).`,
    renderMarkdownTable(clusterTable(r)),
    '### Most common terms',
    renderMarkdownTable(topicTable(r)),
    '## Collaboration network',
    `${plural(r.network.people.length, 'person', 'people')}, ${plural(r.network.edges.length, 'co-contribution edge')}; ${r.network.notes.map(escapeMarkdownText).join(' ')} The graph is in graph.json beside this report.`,
    '### Most central people',
    renderMarkdownTable(centralPeopleTable(r)),
    '### Communities',
    renderMarkdownTable(communityTable(r)),
    '### Bus factor risk',
    renderMarkdownTable(busFactorRiskTable(r)),
    '## Citations',
    `${plural(r.citations.counts.citationFiles, 'CITATION.cff file')}; ${plural(r.citations.counts.dois, 'DOI')}, ${plural(r.citations.counts.arxiv, 'arXiv reference')}, ${plural(r.citations.counts.zenodo, 'Zenodo record')} in ${plural(r.citations.counts.repositoriesWithCitations, 'repository', 'repositories')}.`,
    renderMarkdownTable(citationFileTable(r)),
    renderMarkdownTable(citationTable(r)),
    '## All repositories',
    renderMarkdownTable(repositoryTable(r)),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}
