import { describe, expect, it } from 'vitest';
import { renderRepositoryMarkdown } from './markdown';
import { HOSTILE, sampleResearch } from './sample-research';

/** Consecutive lines starting with `|`: one array per table. */
function tables(markdown: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Cells in a GFM table row: pipes not preceded by a backslash escape, minus the outer two. */
function cellCount(row: string): number {
  let pipes = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') pipes++;
  }
  return pipes - 1;
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `section ${heading}`).toBeGreaterThan(-1);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe('renderRepositoryMarkdown', () => {
  const markdown = renderRepositoryMarkdown(sampleResearch());

  it('has the title and every section, in order', () => {
    expect(markdown.startsWith('# RepoScout report: widget &lt;b&gt;pro&lt;/b&gt; \\| tools\n')).toBe(true);
    const headings = markdown.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Summary',
      '## Health',
      '## Activity',
      '## Contributors',
      '## Bus factor',
      '## Hotspots',
      '## Languages',
      '## Community files',
      '## Pull requests',
    ]);
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('summarises score, head, shallow clone, analysis date and window', () => {
    const summary = section(markdown, 'Summary');
    expect(summary).toContain('69/100, grade C');
    expect(summary).toContain('0123456 on main');
    expect(summary).not.toContain('0123456789');
    expect(summary).toContain('Shallow clone');
    expect(summary).toContain('**Analysed:** 2025-06-02');
    expect(summary).toContain('Last 12 months, since 2024-06-02');
    expect(summary).toContain('14 tags, 4 in the last 365 days; latest v2.3.0 (2025-05-01)');
  });

  it('says a full clone is a full clone', () => {
    const r = sampleResearch();
    r.repository.isShallow = false;
    expect(renderRepositoryMarkdown(r)).not.toContain('Shallow clone');
  });

  it('marks unmeasurable health components and explains the renormalised weights', () => {
    const health = section(markdown, 'Health');
    expect(health).toContain('| Issue responsiveness | 10 | n/a — not measurable for local repositories | — | Needs GitHub issue data |');
    expect(health).toContain('| Recent activity | 25 | 90% | 25.0 | 87 commits in the last 90 days |');
    expect(health).toMatch(/Issue responsiveness\) cannot be measured .* renormalised to 100\./);
  });

  it('omits the renormalising sentence when every component was measured', () => {
    const r = sampleResearch();
    r.health.components = r.health.components.filter((c) => c.score !== null);
    expect(section(renderRepositoryMarkdown(r), 'Health')).not.toContain('renormalised');
  });

  it('draws the last 52 weeks as a sparkline of block characters', () => {
    const line = section(markdown, 'Activity').match(/`([▁▂▃▄▅▆▇█]+)`/);
    expect([...(line?.[1] ?? '')]).toHaveLength(52);
    expect(section(markdown, 'Activity')).toContain('**Last 90 days:** 87 commits');
  });

  it('lists the top 25 humans and the bots separately', () => {
    const contributors = section(markdown, 'Contributors');
    const [humans, bots] = tables(contributors);
    expect(humans).toHaveLength(2 + 25);
    expect(humans?.[2]).toMatch(/^\| 1 \| José Núñez \| 120 \| 12 \|/);
    expect(contributors).toContain('…and 5 more.');
    expect(contributors).toContain('### Bots (2)');
    expect(bots?.[2]).toMatch(/^\| dependabot\\\[bot\\\] \| 40 \|/);
    expect(humans?.join('\n')).not.toContain('dependabot');
  });

  it('gives both bus factors with their people', () => {
    const bus = section(markdown, 'Bus factor');
    expect(bus).toContain('### Last 12 months: 2');
    expect(bus).toContain('### All time: 3');
    expect(bus).toContain('| 李雷 | 95 | 19% |');
    expect(bus).toContain('3 people cover at least half of 500 human commits.');
  });

  it('lists hotspots, languages, community files and pull requests', () => {
    expect(section(markdown, 'Hotspots')).toContain('| src/core/engine.ts | 4,200 | +3,000 / −1,200 | 88 | 6 |');
    expect(section(markdown, 'Languages')).toContain('| TypeScript | 210 | 1.7 MB | 72% |');
    const community = section(markdown, 'Community files');
    expect(community).toContain('| ✓ | Licence | LICENSE (MIT) |');
    expect(community).toContain('| ✗ | Code of conduct | — |');
    const prs = section(markdown, 'Pull requests');
    expect(prs).toContain('| 139 | line one line two | unknown | 2025-04-18 | +417 / −139 | 6 |');
    expect(tables(prs)[0]).toHaveLength(2 + 5);
  });

  it('keeps every table row at its header column count', () => {
    const all = tables(markdown);
    expect(all).toHaveLength(9);
    for (const table of all) {
      const columns = cellCount(table[0] ?? '');
      for (const row of table) expect(cellCount(row), row).toBe(columns);
    }
  });

  it('lets no repository text become HTML or Markdown structure', () => {
    expect(markdown).not.toMatch(/<(img|script|\/script|b)\b/i);
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdown).toContain('| \\# not a heading |');
    expect(markdown).toContain('| \\| pipe |');
    expect(markdown).toContain('\\`code\\` and \\`\\`\\`fence\\`\\`\\`');
    // Text is data: an instruction-shaped name is shown, flattened like any other name.
    expect(markdown).toContain(`| ${HOSTILE.injection} |`);
    expect(markdown).not.toContain('line one\nline two');
  });

  it('renders a repository with no contributors, weeks or pull requests', () => {
    const r = sampleResearch();
    r.contributors = { humans: [], bots: [] };
    r.activity.weeks = [];
    r.pullRequests.recent = [];
    r.hotspots = [];
    const out = renderRepositoryMarkdown(r);
    expect(section(out, 'Contributors')).toContain('_None found._');
    expect(section(out, 'Contributors')).toContain('_No bot accounts._');
    expect(section(out, 'Activity')).not.toContain('Weekly commits');
    expect(section(out, 'Pull requests')).toContain('_None found._');
  });
});
