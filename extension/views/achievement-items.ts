import type { PrClass } from '../../shared/protocol/achievements';
import type { AchievementBrief, PullRequestImpact } from '../engine/achievements';

// Rows of the Achievements view: quarters, newest first, each holding its pull requests.
// Pure, so tested without VS Code; the provider shows labels and tooltips as plain text
// (PR titles are repository text).

export interface AchievementNode {
  id: string;
  kind: 'quarter' | 'pullRequest';
  label: string;
  description: string;
  tooltip: string;
  icon: string;
  /** Drives menus: quarter, achievement.github, achievement.git. */
  contextValue: string;
  children: AchievementNode[];
  /** The pull request a row stands for; null for quarters. */
  pullRequest: AchievementBrief | null;
  /** "Open on GitHub" reads this (the command is shared with the other views). */
  url: string | null;
}

/** A codicon per class, so the class reads at a glance; the description says it in words too. */
export const CLASS_ICON: Record<PrClass, string> = {
  feature: 'sparkle',
  fix: 'bug',
  performance: 'rocket',
  security: 'shield',
  refactor: 'tools',
  docs: 'book',
  tests: 'beaker',
  'build-ci': 'gear',
  chore: 'checklist',
  revert: 'discard',
};

/** "2026 Q1" for an ISO time, in UTC like the engine's quarters. */
export function quarterOf(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return `${iso.slice(0, 4)} Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Quarter rows, newest first, holding their PRs newest first, with the quarter's PR count and impact. */
export function achievementTree(items: readonly AchievementBrief[]): AchievementNode[] {
  const quarters = new Map<string, AchievementBrief[]>();
  for (const item of [...items].sort((a, b) => b.mergedAt.localeCompare(a.mergedAt))) {
    const quarter = quarterOf(item.mergedAt);
    quarters.set(quarter, [...(quarters.get(quarter) ?? []), item]);
  }
  return [...quarters.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([quarter, prs]) => {
      const impact = Math.round(prs.reduce((sum, pr) => sum + pr.impact, 0));
      const classes = classCounts(prs);
      return {
        id: `quarter:${quarter}`,
        kind: 'quarter',
        label: quarter,
        description: `${prs.length} ${prs.length === 1 ? 'PR' : 'PRs'} · impact ${impact}`,
        tooltip: `${quarter}: ${prs.length} merged ${prs.length === 1 ? 'pull request' : 'pull requests'}, total impact ${impact}\n${classes}`,
        icon: 'calendar',
        contextValue: 'quarter',
        children: prs.map(pullRequestNode),
        pullRequest: null,
        url: null,
      };
    });
}

function pullRequestNode(pr: AchievementBrief): AchievementNode {
  const where = pr.source === 'github' ? 'GitHub' : 'reconstructed from git';
  return {
    id: `pr:${pr.repositoryKey}#${pr.number}`,
    kind: 'pullRequest',
    label: oneLine(pr.title),
    description: `${pr.class} · impact ${round(pr.impact)} · ${pr.ref}`,
    tooltip: `${oneLine(pr.title)}\n${pr.ref} · merged ${pr.mergedAt.slice(0, 10)} · ${where}\nClass: ${pr.class} · impact ${round(pr.impact)}/100`,
    icon: CLASS_ICON[pr.class],
    contextValue: pr.source === 'github' && pr.url ? 'achievement.github' : 'achievement.git',
    children: [],
    pullRequest: pr,
    url: pr.source === 'github' ? pr.url : null,
  };
}

/** The tooltip once the impact breakdown is known: each component's points and why, as plain text. */
export function impactTooltip(pr: AchievementBrief, impact: PullRequestImpact): string {
  const c = impact.classification;
  const lines = impact.components.filter((component) => component.points !== 0).map((component) => `${signed(component.points)} ${component.label}: ${oneLine(component.detail)}`);
  return [
    oneLine(pr.title),
    `${pr.ref} · merged ${pr.mergedAt.slice(0, 10)} · ${pr.source === 'github' ? 'GitHub' : 'reconstructed from git'}`,
    `Class: ${c.class} (by ${c.rule}, confidence ${Math.round(c.confidence * 100)}%)`,
    `Impact ${round(impact.impact)}/100:`,
    ...(lines.length > 0 ? lines : ['no component scored']),
  ].join('\n');
}

/** The view's message above the tree: whose work and how much. */
export function achievementsMessage(who: string, items: readonly AchievementBrief[], truncated: boolean): string {
  if (items.length === 0) return `No merged pull requests stored for ${who}. Collect them with "Collect Achievements…".`;
  const quarters = new Set(items.map((i) => quarterOf(i.mergedAt))).size;
  return `${who}: ${items.length} merged ${items.length === 1 ? 'pull request' : 'pull requests'} in ${quarters} ${quarters === 1 ? 'quarter' : 'quarters'}${truncated ? ' (newest shown; the list stops here)' : ''}`;
}

function classCounts(prs: readonly AchievementBrief[]): string {
  const counts = new Map<string, number>();
  for (const pr of prs) counts.set(pr.class, (counts.get(pr.class) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`).join(', ');
}

// Titles are one line in a tree; a newline in repository text must not fake extra rows.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function signed(n: number): string {
  return n > 0 ? `+${round(n)}` : String(round(n));
}
