import type { Portfolio } from '../protocol/achievements';

const CLASS_WORDS: Record<string, string> = {
  feature: 'features', fix: 'fixes', performance: 'performance improvements', security: 'security changes', refactor: 'refactorings',
  docs: 'documentation changes', tests: 'test changes', 'build-ci': 'build and CI changes', chore: 'maintenance changes', revert: 'reverts',
};

/**
 * The executive summary, written from the data by fixed sentences: same portfolio, same
 * words. Every number in it appears elsewhere in the portfolio.
 */
export function executiveSummary(p: Portfolio): string {
  if (p.totals.prs === 0) return `${p.who} has no merged pull requests in this window.`;
  const span = p.window.since || p.window.until ? ` between ${p.window.since?.slice(0, 10) ?? 'the start'} and ${p.window.until?.slice(0, 10) ?? 'now'}` : '';
  const sentences = [
    `${p.who} merged ${p.totals.prs} pull request${p.totals.prs === 1 ? '' : 's'} in ${p.totals.repositories} repositor${p.totals.repositories === 1 ? 'y' : 'ies'}${span} (+${p.totals.additions.toLocaleString('en-US')} / −${p.totals.deletions.toLocaleString('en-US')} lines).`,
  ];
  const mix = p.classMix.slice(0, 3).map((c) => `${c.prs} ${CLASS_WORDS[c.class] ?? c.class}`);
  if (mix.length > 0) sentences.push(`The work was mostly ${joinWords(mix)}.`);
  const top = p.highlights[0];
  if (top) sentences.push(`The highest-impact change was ${top.ref} "${top.title}" (${Math.round(top.impact)}/100).`);
  const repo = p.repositories[0];
  if (repo && p.repositories.length > 1) sentences.push(`Most impact landed in ${repo.repository} (${repo.prs} PRs).`);
  const skills = p.skills.slice(0, 4).map((s) => s.name);
  if (skills.length > 0) sentences.push(`Skills shown: ${joinWords(skills)}.`);
  const cycle = p.flow.quarters.filter((q) => q.cycleTime?.medianHours != null).at(-1);
  if (cycle?.cycleTime?.medianHours != null) sentences.push(`In ${cycle.quarter} the median cycle time was ${cycle.cycleTime.medianHours} hours.`);
  const reviewers = p.collaboration.reviewedBy.slice(0, 3).map((r) => `@${r.login}`);
  if (reviewers.length > 0) sentences.push(`Reviewed most by ${joinWords(reviewers)}.`);
  const given = p.collaboration.reviewedTotals;
  if (given && given.prs > 0) sentences.push(`Reviewed ${given.prs} merged pull request${given.prs === 1 ? '' : 's'} by ${given.people} other${given.people === 1 ? '' : 's'}.`);
  return sentences.join(' ');
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
