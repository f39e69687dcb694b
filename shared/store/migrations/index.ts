import { localHistory } from './0001-local-history';
import { github } from './0002-github';
import { searchMemory } from './0003-search-memory';
import { achievements } from './0004-achievements';
import { orchestrate } from './0005-orchestrate';
import { searchExpansion } from './0006-search-expansion';
import { reviewsGiven } from './0007-reviews-given';
import type { Migration } from './types';

/** Every migration, in order. Adding one is adding a file and a line here. */
export const migrations: readonly Migration[] = [localHistory, github, searchMemory, achievements, orchestrate, searchExpansion, reviewsGiven];

export type { Migration };
