import type { z } from 'zod';
import { cardSchema, factorSchema, recommendationSchema } from '../../shared/protocol/records';
import type { FactorExplanation, RepositoryCard, RepositoryRecommendation } from '../../shared/recommend/types';
import { quote } from './untrusted';

// Projections shared by the recommend toolset into the records of shared/protocol: a
// repository card, one factor of a score, and a ranked repository.

export function cardOf(c: RepositoryCard): z.output<typeof cardSchema> {
  return { key: c.key, name: c.name, owner: c.owner, description: c.description, language: c.language, topics: c.topics.slice(0, 10), health: c.health, stars: c.stars, url: c.url };
}

export function factorsOf(factors: readonly FactorExplanation[]): z.output<typeof factorSchema>[] {
  return factors.map((f) => ({ id: f.id, label: f.label, value: f.value === null ? null : round(f.value), weight: f.weight, contribution: round(f.contribution), detail: f.detail }));
}

export function recommendationOf(r: RepositoryRecommendation): z.output<typeof recommendationSchema> {
  return { rank: r.rank, score: r.score, repository: cardOf(r.repository), factors: factorsOf(r.factors) };
}

/**
 * One line of factors for the text answer: 'relevance +0.52 "keyword rank 1 ..."; stack +0.10 "..."'.
 * Factors that added nothing are left out here (structuredContent has them all).
 */
export function factorLine(factors: readonly z.output<typeof factorSchema>[]): string {
  return factors
    .filter((f) => Math.abs(f.contribution) >= 0.005)
    .map((f) => `${f.id} ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)} ${quote(f.detail, 70)}`)
    .join('; ');
}

/** A ranked repository in the text answer (inside a data block). */
export function recommendationRow(r: z.output<typeof recommendationSchema>): string {
  return `${r.rank}. ${quote(r.repository.key)} score ${r.score.toFixed(3)}${r.repository.description ? ` about ${quote(r.repository.description, 100)}` : ''}\n   factors: ${factorLine(r.factors)}`;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
