import { z } from 'zod';
import type { FactorExplanation, RepositoryCard, RepositoryRecommendation } from '../../shared/recommend/types';
import { quote } from './untrusted';

// Projections shared by the recommend toolset: a repository card, one factor of a score,
// and a ranked repository. Output schemas mirror these functions exactly.

export const searchModeInput = z
  .enum(['hybrid', 'bm25', 'vector'])
  .default('hybrid')
  .describe('hybrid: keyword (BM25) and semantic (vector) retrieval fused by reciprocal rank; bm25 or vector: one retriever.');

export const recommendRepositoryInput = z
  .string()
  .min(1, 'repository is empty; pass owner/name, a key from list_repositories or search, or a unique name')
  .max(1000)
  .describe('Which stored repository: owner/name, a key ("github:owner/name", "local:/path"), a GitHub URL, a local clone folder, or a unique name.');

export const embedderSchema = z.object({ name: z.string(), model: z.string() }).nullable();

export const cardSchema = z.object({
  key: z.string(),
  name: z.string(),
  owner: z.string().nullable(),
  description: z.string(),
  language: z.string().nullable(),
  topics: z.array(z.string()),
  health: z.number().nullable(),
  stars: z.number().nullable(),
  url: z.string().nullable(),
});

export function cardOf(c: RepositoryCard): z.output<typeof cardSchema> {
  return { key: c.key, name: c.name, owner: c.owner, description: c.description, language: c.language, topics: c.topics.slice(0, 10), health: c.health, stars: c.stars, url: c.url };
}

export const factorSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().nullable().describe('0-1; null when it cannot be measured (then left out of the score)'),
  weight: z.number(),
  contribution: z.number().describe('points of the 0-1 score this factor added (negative for the diversity penalty)'),
  detail: z.string(),
});

export function factorsOf(factors: readonly FactorExplanation[]): z.output<typeof factorSchema>[] {
  return factors.map((f) => ({ id: f.id, label: f.label, value: f.value === null ? null : round(f.value), weight: f.weight, contribution: round(f.contribution), detail: f.detail }));
}

export const recommendationSchema = z.object({ rank: z.number(), score: z.number(), repository: cardSchema, factors: z.array(factorSchema) });

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
