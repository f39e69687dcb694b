import type { z } from 'zod';
import { listAchievementsInput, listAchievementsOutput } from '../achievements';
import { defineContract, READ_ONLY } from '../contract';

export const listAchievementsContract = defineContract({
  name: 'list_achievements',
  toolset: 'achievements',
  title: 'List achievements',
  description:
    "List a developer's stored merged pull requests, newest first: class, impact (0-100) and source (github or git). Filter by class, repository, time window and minimum impact; paged with a cursor. " +
    'Collect first with collect_achievements; explain one with get_pull_request_impact.',
  input: listAchievementsInput,
  output: listAchievementsOutput,
  hints: READ_ONLY,
});

export type ListAchievementsArgs = z.input<typeof listAchievementsInput>;
export type ListAchievementsResult = z.output<typeof listAchievementsOutput>;
