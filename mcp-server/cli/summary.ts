import type { RepositoryResearch } from '../../shared/research/types';

/** A short plain-text summary of a research result for the terminal. */
export function researchSummary(r: RepositoryResearch, reports: { markdownPath: string; htmlPath: string }): string {
  const lines: string[] = [];
  const humans = r.contributors.humans.length;
  lines.push(`${r.repository.name}  health ${r.health.score}/100 (${r.health.grade})  head ${r.repository.headSha.slice(0, 12)}${r.repository.isShallow ? '  [shallow clone: history is partial]' : ''}`);
  lines.push('');
  for (const c of r.health.components) {
    const score = c.score === null ? '  n/a' : `${String(Math.round(c.score * 100)).padStart(4)}%`;
    lines.push(`  ${c.label.padEnd(36)}${score}  ${c.points.toFixed(1).padStart(5)} pts`);
  }
  lines.push('');
  lines.push(`  commits ${r.activity.totalCommits} (+${r.activity.totalMerges} merges), last ${r.activity.daysSinceLastCommit} days ago`);
  lines.push(`  contributors ${humans} ${humans === 1 ? 'person' : 'people'}${r.contributors.bots.length ? `, ${r.contributors.bots.length} ${r.contributors.bots.length === 1 ? 'bot' : 'bots'}` : ''}`);
  lines.push(`  bus factor ${r.busFactor.window.factor} (last ${r.busFactor.windowMonths} months), ${r.busFactor.allTime.factor} (all time)`);
  lines.push(`  pull requests ${r.pullRequests.total} reconstructed (${r.pullRequests.merge} merge, ${r.pullRequests.squash} squash)`);
  const langs = r.languages.slice(0, 3).map((l) => `${l.language} ${Math.round(l.share * 100)}%`);
  if (langs.length) lines.push(`  languages ${langs.join(', ')}`);
  lines.push('');
  lines.push(`  report  ${reports.htmlPath}`);
  lines.push(`          ${reports.markdownPath}`);
  return lines.join('\n');
}
