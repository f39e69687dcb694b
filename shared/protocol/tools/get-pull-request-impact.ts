import type { z } from 'zod';
import { getPullRequestImpactInput, getPullRequestImpactOutput } from '../achievements';
import { defineContract, READ_ONLY } from '../contract';

export const getPullRequestImpactContract = defineContract({
  name: 'get_pull_request_impact',
  toolset: 'achievements',
  title: "Explain a pull request's impact",
  description:
    "Explain one stored pull request's impact score: each component's points and why (size, spread, existing code, review effort, tests, linked issues, reverted), and its class with the cascade step that decided it and the confidence.",
  input: getPullRequestImpactInput,
  output: getPullRequestImpactOutput,
  hints: READ_ONLY,
});

export type GetPullRequestImpactResult = z.output<typeof getPullRequestImpactOutput>;
