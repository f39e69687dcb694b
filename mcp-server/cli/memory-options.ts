import type { Command } from 'commander';
import { z } from 'zod';
import type { MemoryFilters, MemoryLink } from '../../shared/memory/types';
import { collect, relativeTime } from './parse-list';

/** Link options shared by remember, recall and memories. */
export const memoryLinkOptions = {
  tag: z.array(z.string()).optional(),
  repo: z.array(z.string()).optional(),
  pr: z.array(z.string()).optional(),
  job: z.array(z.string()).optional(),
};

export const memoryFilterOptions = {
  ...memoryLinkOptions,
  since: z.string().min(1, '--since needs a date or a duration such as 30d').optional(),
  until: z.string().min(1, '--until needs a date or a duration such as 7d').optional(),
};

export function addLinkOptions(command: Command, verb: string): Command {
  return command
    .option('--tag <tags>', `${verb} tags (repeat or comma-separate)`, collect)
    .option('--repo <repo>', `${verb} repository links: owner/name, github:owner/name or local:/path (repeatable)`, collect)
    .option('--pr <pr>', `${verb} pull request links: owner/name#123 or a PR URL (repeatable)`, collect)
    .option('--job <id>', `${verb} job links (repeatable)`, collect);
}

export function addTimeOptions(command: Command): Command {
  return command
    .option('--since <when>', 'only memories updated since: a date (2025-01-31) or a duration (30d, 2w, 6m, 1y)')
    .option('--until <when>', 'only memories updated before: a date or a duration');
}

export function linksFrom(options: { repo?: string[]; pr?: string[]; job?: string[] }): MemoryLink[] {
  return [
    ...(options.repo ?? []).map((target) => ({ kind: 'repository' as const, target })),
    ...(options.pr ?? []).map((target) => ({ kind: 'pull_request' as const, target })),
    ...(options.job ?? []).map((target) => ({ kind: 'job' as const, target })),
  ];
}

/** Filters from the options; more than one link is refused (a memory filter takes one link). */
export function filtersFrom(options: { tag?: string[]; repo?: string[]; pr?: string[]; job?: string[]; since?: string; until?: string }): MemoryFilters {
  const links = linksFrom(options);
  if (links.length > 1) throw new Error('one link filter at a time');
  return {
    tags: options.tag,
    link: links[0],
    since: options.since ? relativeTime(options.since) : undefined,
    until: options.until ? relativeTime(options.until) : undefined,
  };
}
