import type { z } from 'zod';
import type { cardSchema, factorSchema, recommendationSchema } from '../protocol/records';

export type { FactorId } from '../protocol/records';

// The engine's names for the records recommendations carry; each is declared once, as a zod
// schema in shared/protocol/records.ts (the field comments are there).

/** One factor of a recommendation score: its 0..1 value, its weight, and what it added. */
export type FactorExplanation = z.output<typeof factorSchema>;
/** A repository as recommendations show it: a small projection of its search document. */
export type RepositoryCard = z.output<typeof cardSchema>;
export type RepositoryRecommendation = z.output<typeof recommendationSchema>;
