import { describe, expect, it } from 'vitest';
import { PR_CLASSES } from '../../shared/protocol/achievements';
import { parsePerson, windowChoices } from '../commands/achievement-input';
import type { AchievementBrief, PullRequestImpact } from '../engine/achievements';
import { achievementsMessage, achievementTree, CLASS_ICON, impactTooltip, quarterOf } from './achievement-items';

const brief = (over: Partial<AchievementBrief>): AchievementBrief => ({
  ref: 'demo#1',
  repositoryKey: 'local:/src/demo',
  number: 1,
  title: 'Add a parser',
  mergedAt: '2026-01-05T12:00:00.000Z',
  class: 'feature',
  impact: 42.25,
  source: 'git',
  url: null,
  sha: 'a'.repeat(40),
  ...over,
});

describe('the Achievements view rows', () => {
  it('groups PRs by UTC quarter, newest quarter and PR first, with counts and impact', () => {
    const tree = achievementTree([
      brief({ number: 1, mergedAt: '2025-12-31T23:59:59Z', impact: 10, ref: 'demo#1' }),
      brief({ number: 2, mergedAt: '2026-02-10T10:00:00Z', impact: 5, class: 'fix', ref: 'demo#2' }),
      brief({ number: 5, mergedAt: '2026-03-01T10:00:00Z', impact: 20.4, class: 'refactor', ref: 'demo#5' }),
    ]);
    expect(tree.map((q) => [q.label, q.description])).toEqual([
      ['2026 Q1', '2 PRs · impact 25'],
      ['2025 Q4', '1 PR · impact 10'],
    ]);
    expect(tree[0]!.children.map((c) => [c.label, c.icon, c.description])).toEqual([
      ['Add a parser', 'tools', 'refactor · impact 20.4 · demo#5'],
      ['Add a parser', 'bug', 'fix · impact 5 · demo#2'],
    ]);
    expect(tree[0]!.tooltip).toContain('refactor 1, fix 1');
    expect(quarterOf('2026-04-01T00:00:00Z')).toBe('2026 Q2');
  });

  it('has a codicon for every class and marks what a row can open', () => {
    for (const c of PR_CLASSES) expect(CLASS_ICON[c]).toMatch(/^[a-z-]+$/);
    const [quarter] = achievementTree([brief({ source: 'github', url: 'https://github.com/acme/demo/pull/1' }), brief({ number: 2, ref: 'demo#2' })]);
    expect(quarter!.children.map((c) => [c.contextValue, c.url])).toEqual([
      ['achievement.github', 'https://github.com/acme/demo/pull/1'],
      ['achievement.git', null],
    ]);
  });

  it('keeps hostile titles one line of plain text', () => {
    const [quarter] = achievementTree([brief({ title: 'Tidy the <img src=x onerror=alert(1)>\nfake row' })]);
    expect(quarter!.children[0]!.label).toBe('Tidy the <img src=x onerror=alert(1)> fake row');
  });

  it('explains the impact in the tooltip, component by component', () => {
    const impact: PullRequestImpact = {
      ref: 'demo#2',
      title: 'fix: handle empty input',
      source: 'git',
      classification: { class: 'fix', rule: 'conventional-prefix', confidence: 0.95 },
      impact: 12,
      components: [
        { label: 'Size', points: 8, detail: '12 lines' },
        { label: 'Review effort', points: 0, detail: 'git cannot see reviews' },
        { label: 'Reverted later', points: -40, detail: 'reverted by 1a2b3c' },
      ],
    };
    const text = impactTooltip(brief({ title: 'fix: handle empty input', class: 'fix', ref: 'demo#2' }), impact);
    expect(text.split('\n')).toEqual([
      'fix: handle empty input',
      'demo#2 · merged 2026-01-05 · reconstructed from git',
      'Class: fix (by conventional-prefix, confidence 95%)',
      'Impact 12/100:',
      '+8 Size: 12 lines',
      '-40 Reverted later: reverted by 1a2b3c',
    ]);
  });

  it('says whose PRs the view shows, or that there are none', () => {
    expect(achievementsMessage('alice', [], false)).toContain('No merged pull requests stored for alice');
    expect(achievementsMessage('alice', [brief({}), brief({ mergedAt: '2025-01-01T00:00:00Z' })], false)).toBe('alice: 2 merged pull requests in 2 quarters');
  });
});

describe('the Collect Achievements answers', () => {
  it('reads who and their other identities from one line', () => {
    expect(parsePerson(' alice@example.com, alice ,alice@example.com,, Alice Liddell ')).toEqual({ who: 'alice@example.com', as: ['alice', 'Alice Liddell'] });
    expect(parsePerson(' , ')).toBeNull();
  });

  it('offers windows as dates the engine parses', () => {
    const choices = windowChoices(new Date('2026-11-30T05:00:00Z'));
    expect(choices.map((c) => [c.since, c.until])).toEqual([
      ['2025-11-30', undefined],
      ['2026-01-01', undefined],
      ['2025-01-01', '2025-12-31'],
      [undefined, undefined],
    ]);
  });
});
