import type { RepositoryResearch } from '../research/types';
import { activityFacts, busFactorSentence, healthNote, summaryFacts, type Fact } from './facts';
import { formatInteger, plural } from './format';
import { escapeMarkdownText } from './markdown-escape';
import { renderMarkdownTable } from './markdown-table';
import { sparkline } from './sparkline';
import {
  botTable,
  busFactorTable,
  communityTable,
  contributorTable,
  healthTable,
  hotspotTable,
  languageTable,
  pullRequestTable,
} from './tables';

const SPARKLINE_WEEKS = 52;

function factList(facts: Fact[]): string {
  return facts.map((f) => `- **${escapeMarkdownText(f.label)}:** ${escapeMarkdownText(f.value)}`).join('\n');
}

function summary(r: RepositoryResearch): string {
  return `## Summary\n\n${factList(summaryFacts(r))}`;
}

function health(r: RepositoryResearch): string {
  const note = healthNote(r.health, r.repository.source);
  const score = `Score **${formatInteger(r.health.score)}/100**, grade **${r.health.grade}**.`;
  return ['## Health', score + (note ? ` ${escapeMarkdownText(note)}` : ''), renderMarkdownTable(healthTable(r.health))].join('\n\n');
}

function activity(r: RepositoryResearch): string {
  const weeks = r.activity.weeks.slice(-SPARKLINE_WEEKS);
  const parts = ['## Activity', factList(activityFacts(r.activity))];
  if (weeks.length > 0) {
    const first = weeks[0]?.week ?? '';
    const last = weeks[weeks.length - 1]?.week ?? '';
    // Block characters and ISO dates only, so a code span is safe and keeps the columns monospaced.
    parts.push(`Weekly commits, ${first} to ${last} (${plural(weeks.length, 'week')}):\n\n\`${sparkline(weeks.map((w) => w.commits), SPARKLINE_WEEKS)}\``);
  }
  return parts.join('\n\n');
}

function contributors(r: RepositoryResearch): string {
  const { humans, bots } = r.contributors;
  const heading = `${plural(humans.length, 'human contributor')}; the top ${Math.min(25, humans.length)} by commits:`;
  const parts = ['## Contributors', heading, renderMarkdownTable(contributorTable(humans, 25)), `### Bots (${formatInteger(bots.length)})`];
  parts.push(bots.length === 0 ? '_No bot accounts._' : renderMarkdownTable(botTable(bots)));
  return parts.join('\n\n');
}

function busFactor(r: RepositoryResearch): string {
  const { window, allTime, windowMonths } = r.busFactor;
  return [
    '## Bus factor',
    `### Last ${plural(windowMonths, 'month')}: ${formatInteger(window.factor)}`,
    busFactorSentence(window),
    renderMarkdownTable(busFactorTable(window)),
    `### All time: ${formatInteger(allTime.factor)}`,
    busFactorSentence(allTime),
    renderMarkdownTable(busFactorTable(allTime)),
  ].join('\n\n');
}

function hotspots(r: RepositoryResearch): string {
  return ['## Hotspots', 'Files changed most (churn = lines added + deleted).', renderMarkdownTable(hotspotTable(r.hotspots))].join('\n\n');
}

function languages(r: RepositoryResearch): string {
  return ['## Languages', renderMarkdownTable(languageTable(r.languages))].join('\n\n');
}

function community(r: RepositoryResearch): string {
  return ['## Community files', renderMarkdownTable(communityTable(r.communityFiles))].join('\n\n');
}

function pullRequests(r: RepositoryResearch): string {
  const { recent, total } = r.pullRequests;
  const from = r.repository.source === 'github' ? 'Merged pull requests as GitHub lists them' : 'Reconstructed from merge commits and squash-merge subjects';
  const intro = `${from}; the ${formatInteger(recent.length)} most recent of ${formatInteger(total)}.`;
  return ['## Pull requests', intro, renderMarkdownTable(pullRequestTable(recent))].join('\n\n');
}

// The report is this list, in order: adding a section is adding a function and a line.
const SECTIONS: ((r: RepositoryResearch) => string)[] = [summary, health, activity, contributors, busFactor, hotspots, languages, community, pullRequests];

/** Returns the research as one GitHub-flavoured Markdown document, ending in a newline; all repository text is escaped. */
export function renderRepositoryMarkdown(r: RepositoryResearch): string {
  const title = `# RepoScout report: ${escapeMarkdownText(r.repository.name)}`;
  return [title, ...SECTIONS.map((section) => section(r))].join('\n\n') + '\n';
}
