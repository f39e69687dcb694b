import type { z } from 'zod';
import { getPortfolioInput, getPortfolioOutput } from '../achievements';
import { defineContract, READ_ONLY } from '../contract';

export const getPortfolioContract = defineContract({
  name: 'get_portfolio',
  toolset: 'achievements',
  title: 'Get a portfolio',
  description:
    "A developer's portfolio from stored pull requests: totals, a summary written from the data, and notices; add sections (highlights, themes, classMix, skills, flow, collaboration, repositories, impactOverTime) for more. " +
    'The full report is the resource reposcout://portfolio/{who}/report.',
  input: getPortfolioInput,
  output: getPortfolioOutput,
  hints: READ_ONLY,
});

export type GetPortfolioArgs = z.input<typeof getPortfolioInput>;
export type GetPortfolioResult = z.output<typeof getPortfolioOutput>;
