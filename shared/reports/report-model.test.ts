import { describe, expect, it } from 'vitest';
import { reportModelSchema } from '../protocol/report';
import { buildReportModel } from './report-model';
import { SHALLOW_NOTE } from './facts';
import { renderRepositoryMarkdown } from './markdown';
import { HOSTILE, sampleResearch } from './sample-research';

describe('buildReportModel', () => {
  const research = sampleResearch();
  const model = buildReportModel(research);

  it('builds a model the contract parses unchanged', () => {
    expect(reportModelSchema.parse(model)).toEqual(model);
  });

  it('takes the identity and headline figures from the research', () => {
    expect(model.repository).toEqual({ key: research.repository.key, name: 'widget <b>pro</b> | tools', source: 'local', owner: null, path: research.repository.path });
    expect(model.summary).toMatchObject({ health: { score: 69, grade: 'C' }, commits: 612, contributors: { humans: 30, bots: 2 }, busFactor: { window: 2, allTime: 3 }, primaryLanguage: 'TypeScript', license: 'MIT' });
    expect(model.github).toBeNull();
    expect(buildReportModel(research, 'acme').repository.owner).toBe('acme');
  });

  it('cuts the lists to what a report shows: the top 25 humans by commits, every bot apart, the window’s weeks', () => {
    expect(model.contributors).toMatchObject({ humans: 30, bots: 2 });
    expect(model.contributors.top).toHaveLength(25);
    expect(model.contributors.top.slice(0, 2).map((c) => c.name)).toEqual(['José Núñez', '李雷']);
    expect(model.contributors.top.every((c) => !c.isBot)).toBe(true);
    // The 25th human: the filler's commits run 10,10,10,9,9,9,… so Contributor 18 has 10 - 5 = 5.
    expect(model.contributors.top.at(-1)).toMatchObject({ name: 'Contributor 18', commits: 5 });
    // Every bot, by commits, with the columns the bots table shows.
    expect(model.contributors.botAccounts.map((c) => [c.name, c.commits, c.merges, c.isBot])).toEqual([
      ['dependabot[bot]', 40, 4, true],
      ['renovate[bot] <b>bold</b>', 7, 0, true],
    ]);
    // The people table's merges and active weeks: José has 120 commits, so 12 merges and 40 active weeks.
    expect(model.contributors.top[0]).toMatchObject({ merges: 12, activeWeeks: 40, commitsInWindow: 60, firstCommitAt: '2021-03-01T09:00:00Z' });
    // The window's whole weekly series, as the old report's chart drew it (60 sample weeks).
    expect(model.activity.recentWeeks).toHaveLength(60);
    expect(model.activity.recentWeeks[0]?.week).toBe('2024-04-08');
    expect(model.pullRequests.recent.map((pr) => pr.number)).toEqual([142, 141, 140, 139, 138]);
    expect(model.pullRequests).toMatchObject({ total: 48, merge: 30, squash: 18 });
  });

  it('carries each component’s possible points: its weight renormalised over the measured ones', () => {
    // Measured weights: 25 + 20 + 15 + 20 + 10 = 90 (issue responsiveness is n/a).
    expect(model.health.components.map((c) => [c.id, c.points, c.possible])).toEqual([
      ['activity', 25, 27.8],
      ['bus-factor', 11.1, 22.2],
      ['community', 11.7, 16.7],
      ['reviews', 13.8, 22.2],
      ['releases', 7.8, 11.1],
      ['issues', 0, 0],
    ]);
    expect(model.health).toMatchObject({ score: 69, grade: 'C' });
  });

  it('carries the summary and activity facts and the health note, worded as the Markdown report words them', () => {
    expect(model.facts.summary).toEqual([
      { label: 'Health', value: '69/100, grade C' },
      { label: 'Path', value: '/home/dev/src/<b>widget</b>' },
      { label: 'Head', value: '0123456 on main' },
      { label: 'History', value: SHALLOW_NOTE },
      { label: 'Analysed', value: '2025-06-02' },
      { label: 'Window', value: 'Last 12 months, since 2024-06-02' },
      { label: 'Releases', value: '14 tags, 4 in the last 365 days; latest v2.3.0 (2025-05-01)' },
      { label: 'Pull requests', value: '48 reconstructed (30 merge, 18 squash), 20 in the window; 62% of changes in the window arrived through one' },
    ]);
    // The sample's 60 weeks: commits = (i*7 % 13) + (i % 5), 0 when i % 9 == 4.
    const commits = Array.from({ length: 60 }, (_, i) => (i % 9 === 4 ? 0 : ((i * 7) % 13) + (i % 5)));
    const last12 = commits.slice(-12).reduce((a, b) => a + b, 0);
    const busiest = commits.indexOf(Math.max(...commits));
    const busiestWeek = new Date(Date.parse('2024-04-08T00:00:00Z') + busiest * 7 * 86_400_000).toISOString().slice(0, 10);
    expect(model.facts.activity).toEqual([
      { label: 'Commits', value: '612 (plus 48 merges)' },
      { label: 'First and last commit', value: '2021-03-01 to 2025-05-30, 3 days ago' },
      { label: 'Last 90 days', value: '87 commits' },
      { label: 'Active weeks', value: '22 of the last 26' },
      { label: 'Last 12 weeks', value: `${last12} commits` },
      { label: 'Busiest week', value: `${busiestWeek}: ${commits[busiest]} commits by ${1 + Math.floor((commits[busiest] ?? 0) / 5)} authors` },
    ]);
    expect(model.facts.healthNote).toBe('1 component (Issue responsiveness) cannot be measured for a local repository, so it was left out and the remaining weights were renormalised to 100.');
    const full = buildReportModel({ ...research, health: { ...research.health, components: research.health.components.filter((c) => c.score !== null) } });
    expect(full.facts.healthNote).toBeNull();
  });

  it('words the facts of a GitHub repository as read from the API: no clone, releases, merged pull requests', () => {
    const github: typeof research = {
      ...research,
      repository: { ...research.repository, source: 'github', isShallow: false, headSha: '' },
      releases: { ...research.releases, source: 'github-releases' },
    };
    const gh = buildReportModel(github, 'acme');
    const facts = Object.fromEntries(gh.facts.summary.map((f) => [f.label, f.value]));
    expect(facts).toMatchObject({
      Head: 'unknown commit on main',
      History: 'Read from the GitHub API.',
      Releases: '14 releases, 4 in the last 365 days; latest v2.3.0 (2025-05-01)',
      'Pull requests': '48 merged, 20 in the window; 62% of changes in the window arrived through one',
    });
    expect(gh.facts.healthNote).toBe('1 component (Issue responsiveness) had nothing to measure in the window, so it was left out and the remaining weights were renormalised to 100.');
    expect(renderRepositoryMarkdown(github)).toContain('Merged pull requests as GitHub lists them; the 5 most recent of 48.');
  });

  it('passes repository text through unchanged: escaping is the renderer’s (textContent)', () => {
    expect(model.pullRequests.recent[0]?.title).toBe(HOSTILE.scriptBreakout);
    expect(model.hotspots[1]?.path).toBe('src/<script>alert(1)</script>.ts');
  });
});
