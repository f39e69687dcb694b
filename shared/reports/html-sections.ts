// The body sections of the HTML report, in order. Every piece of text goes through
// escapeHtml, including the engine's own sentences, so no caller has to know which
// strings came from the repository.
import type { RepositoryResearch } from '../research/types';
import { escapeHtml } from './escape';
import { activityFacts, busFactorSentence, healthNote, summaryFacts, type Fact } from './facts';
import { formatInteger, plural } from './format';
import { renderHtmlTable } from './html-table';
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

function card(id: string, title: string, body: string): string {
  return `<section class="card" id="${id}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

function facts(list: Fact[]): string {
  const rows = list.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('\n');
  return `<dl class="facts">\n${rows}\n</dl>`;
}

function note(text: string): string {
  return `<p class="note">${escapeHtml(text)}</p>`;
}

function chart(id: string, label: string, extraClass = ''): string {
  return `<div class="chart ${extraClass}"><canvas id="${id}" role="img" aria-label="${escapeHtml(label)}"></canvas></div>`;
}

function stats(r: RepositoryResearch): string {
  const items: [string, string][] = [
    [formatInteger(r.activity.totalCommits), 'commits'],
    [formatInteger(r.contributors.humans.length), 'human contributors'],
    [formatInteger(r.busFactor.window.factor), `bus factor, last ${r.busFactor.windowMonths} months`],
    [formatInteger(r.activity.commitsLast90Days), 'commits, last 90 days'],
    [formatInteger(r.pullRequests.total), 'pull requests'],
    [formatInteger(r.releases.tags), 'release tags'],
  ];
  const cells = items.map(([value, label]) => `<div class="stat"><span class="value">${escapeHtml(value)}</span><span class="label">${escapeHtml(label)}</span></div>`);
  return `<div class="stats" id="overview">\n${cells.join('\n')}\n</div>`;
}

function summary(r: RepositoryResearch): string {
  return card('summary', 'Summary', facts(summaryFacts(r)));
}

function activity(r: RepositoryResearch): string {
  return card('activity', 'Activity', `${chart('activity-chart', 'Weekly commits and authors')}\n${facts(activityFacts(r.activity))}`);
}

function health(r: RepositoryResearch): string {
  const explanation = healthNote(r.health);
  const body = [
    note(`Score ${formatInteger(r.health.score)} of 100, grade ${r.health.grade}.${explanation ? ` ${explanation}` : ''}`),
    chart('health-chart', 'Health points per component', 'health'),
    renderHtmlTable(healthTable(r.health)),
  ];
  return card('health', 'Health breakdown', body.join('\n'));
}

function contributors(r: RepositoryResearch): string {
  const { humans, bots } = r.contributors;
  const body = [
    note(`${plural(humans.length, 'human contributor')}; the top ${Math.min(25, humans.length)} by commits.`),
    renderHtmlTable(contributorTable(humans, 25)),
    `<h3>Bots (${formatInteger(bots.length)})</h3>`,
    renderHtmlTable(botTable(bots)),
  ];
  return card('contributors', 'Contributors', body.join('\n'));
}

function busFactor(r: RepositoryResearch): string {
  const { window, allTime, windowMonths } = r.busFactor;
  const half = (title: string, result: typeof window) =>
    `<div>\n<h3>${escapeHtml(title)}: ${formatInteger(result.factor)}</h3>\n${note(busFactorSentence(result))}\n${renderHtmlTable(busFactorTable(result))}\n</div>`;
  return card('bus-factor', 'Bus factor', `<div class="split">\n${half(`Last ${plural(windowMonths, 'month')}`, window)}\n${half('All time', allTime)}\n</div>`);
}

function hotspots(r: RepositoryResearch): string {
  return card('hotspots', 'Hotspots', `${note('Files changed most; churn is lines added plus lines deleted.')}\n${renderHtmlTable(hotspotTable(r.hotspots))}`);
}

function languages(r: RepositoryResearch): string {
  return card('languages', 'Languages', `<div class="split chart-first">\n${chart('languages-chart', 'Language mix by bytes', 'short')}\n${renderHtmlTable(languageTable(r.languages))}\n</div>`);
}

function community(r: RepositoryResearch): string {
  return card('community', 'Community files', renderHtmlTable(communityTable(r.communityFiles)));
}

function pullRequests(r: RepositoryResearch): string {
  const { recent, total } = r.pullRequests;
  const intro = note(`Reconstructed from merge commits and squash-merge subjects; the ${formatInteger(recent.length)} most recent of ${formatInteger(total)}.`);
  return card('pull-requests', 'Pull requests', `${intro}\n${renderHtmlTable(pullRequestTable(recent))}`);
}

// The page body is this list, in order: adding a section is adding a function and a line.
const SECTIONS: ((r: RepositoryResearch) => string)[] = [stats, summary, activity, health, contributors, busFactor, hotspots, languages, community, pullRequests];

/** Returns the report's `<main>` content: overview figures and one card per section. */
export function renderHtmlSections(r: RepositoryResearch): string {
  return SECTIONS.map((section) => section(r)).join('\n');
}
