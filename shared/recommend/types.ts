/** One factor of a recommendation score: its 0..1 value, its weight, and what it added. */
export interface FactorExplanation {
  id: FactorId;
  label: string;
  /** 0..1, or null when the factor cannot be measured for this pair (it is then left out). */
  value: number | null;
  /** Nominal weight before renormalising over the measurable factors. */
  weight: number;
  /** Points this factor added to the 0..1 score (negative for the diversity penalty). */
  contribution: number;
  detail: string;
}

export type FactorId = 'relevance' | 'stack' | 'health' | 'activity' | 'popularity' | 'expertise' | 'diversity' | 'ownership' | 'recency' | 'breadth' | 'reviews';

/** A repository as recommendations show it: a small projection of its search document. */
export interface RepositoryCard {
  key: string;
  owner: string | null;
  name: string;
  description: string;
  language: string | null;
  topics: string[];
  health: number | null;
  stars: number | null;
  url: string | null;
}

export interface RepositoryRecommendation {
  rank: number;
  repository: RepositoryCard;
  /** 0..1 after the diversity penalty; results are sorted by it. */
  score: number;
  factors: FactorExplanation[];
}
