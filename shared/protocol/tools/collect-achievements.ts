import type { z } from 'zod';
import { collectAchievementsInput, collectAchievementsOutput } from '../achievements';
import { defineContract } from '../contract';

export const collectAchievementsContract = defineContract({
  name: 'collect_achievements',
  toolset: 'achievements',
  title: 'Collect achievements',
  description:
    "Collect a developer's merged pull requests from GitHub (owner, repos or everywhere; needs their login) and/or local git clones, classify and score each, and store them. " +
    'Incremental; progress; cancelling keeps what is stored, a rerun resumes. Then call get_portfolio, list_achievements or get_pull_request_impact.',
  input: collectAchievementsInput,
  output: collectAchievementsOutput,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
});

export type CollectAchievementsArgs = z.input<typeof collectAchievementsInput>;
export type CollectAchievementsResult = z.output<typeof collectAchievementsOutput>;
