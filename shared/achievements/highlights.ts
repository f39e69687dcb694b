import type { AchievementRecord } from '../protocol/achievements';

/**
 * One line on why a PR stands out, from its two strongest impact components
 * ("Size: 1,240 lines changed; Tests alongside code: 3 test files changed with the code").
 */
export function highlightReason(pr: AchievementRecord): string {
  const strongest = pr.impact.components
    .filter((c) => c.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 2)
    .map((c) => `${c.label.toLowerCase()}: ${c.detail}`);
  const penalty = pr.impact.components.find((c) => c.points < 0);
  const parts = [`${pr.classification.class} (${Math.round(pr.impact.score)} impact)`, ...strongest];
  if (penalty) parts.push(penalty.detail);
  return parts.join('; ');
}
