import type { z } from 'zod';
import { collectAchievementsInput, collectAchievementsOutput } from '../achievements';
import { defineContract } from '../contract';

export const collectAchievementsContract = defineContract({
  name: 'collect_achievements',
  toolset: 'achievements',
  title: 'Collect achievements',
  description:
    "Collect a developer's merged pull requests from local git clones (offline; merge and squash commits; only new commits are read), classify and score each, and store them. " +
    'Reports progress; cancelling keeps the previous state. Then call get_portfolio, list_achievements or get_pull_request_impact.',
  input: collectAchievementsInput,
  output: collectAchievementsOutput,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
});

export type CollectAchievementsArgs = z.input<typeof collectAchievementsInput>;
export type CollectAchievementsResult = z.output<typeof collectAchievementsOutput>;
