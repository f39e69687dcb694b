import type { FactorExplanation, RepositoryRecommendation } from '../../shared/recommend/types';

/** "relevance 0.91×0.60 … " lines explaining a score, one factor per line. */
export function formatFactors(factors: readonly FactorExplanation[], indent = '      '): string {
  const unmeasured = factors.filter((f) => f.value === null && f.id !== 'diversity').map((f) => f.label.split(' (')[0]!.toLowerCase());
  const lines = factors
    .filter((f) => f.value !== null || f.id === 'diversity')
    .map((f) => {
      const value = f.value === null ? '  n/a' : f.value.toFixed(2).padStart(5);
      const contribution = f.contribution === 0 && f.value === null ? '' : ` ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(3)}`;
      return `${indent}${f.label.padEnd(40)} ${value}${contribution.padStart(8)}  ${f.detail}`;
    });
  if (unmeasured.length) lines.push(`${indent}not measured: ${unmeasured.join(', ')}`);
  return lines.join('\n');
}

export function formatRepositoryRecommendations(items: readonly RepositoryRecommendation[]): string {
  return items
    .map((r) => {
      const facts = [r.repository.language, r.repository.stars === null ? null : `★ ${r.repository.stars}`, r.repository.health === null ? null : `health ${r.repository.health}`]
        .filter(Boolean)
        .join(' · ');
      return `${String(r.rank).padStart(2)}. ${r.repository.key.replace(/^github:/, '')}  score ${r.score.toFixed(3)}${facts ? `  (${facts})` : ''}\n    ${r.repository.description}\n${formatFactors(r.factors)}`;
    })
    .join('\n\n');
}
