import { z } from 'zod';
import { portfolioSchema, type Portfolio } from '../../protocol/achievements';

/** The portfolio as JSON, validated against its own schema first so an export never breaks its contract. */
export function renderPortfolioJson(p: Portfolio): string {
  return `${JSON.stringify(portfolioSchema.parse(p), null, 2)}\n`;
}

/** The published JSON Schema (draft 2020-12) of the JSON export, generated from the zod schema. */
export function portfolioJsonSchema(): Record<string, unknown> {
  return {
    title: 'RepoScout portfolio',
    ...z.toJSONSchema(portfolioSchema, { target: 'draft-2020-12' }),
  };
}
