import { z } from 'zod';
import { RepoScoutError } from '../../shared/errors';

/** --window-months of the commands that research: how far back "recent" reaches. */
const windowMonths = z.coerce
  .number({ message: '--window-months must be a number' })
  .int('--window-months must be a whole number of months')
  .min(1, '--window-months must be at least 1')
  .max(240, '--window-months must be at most 240')
  .default(12);

/** Options every command accepts. */
export const globalOptionsSchema = z.object({
  db: z.string().min(1, '--db needs a file path').optional(),
  json: z.boolean().default(false),
  progress: z.boolean().default(true),
});

export const researchOptionsSchema = globalOptionsSchema.extend({
  out: z.string().min(1, '--out needs a folder path').optional(),
  windowMonths,
  force: z.boolean().default(false),
});

/** Options of commands that talk to GitHub. */
export const githubOptionsSchema = globalOptionsSchema.extend({
  tokenFile: z.string().min(1, '--token-file needs a file path').optional(),
  githubHost: z.string().min(1, '--github-host needs a host name').optional(),
});

export const ingestOptionsSchema = githubOptionsSchema.extend({
  concurrency: z.coerce
    .number({ message: '--concurrency must be a number' })
    .int('--concurrency must be a whole number')
    .min(1, '--concurrency must be at least 1')
    .max(16, '--concurrency must be at most 16 (GitHub asks clients not to flood it)')
    .default(4),
  detail: z.boolean().default(true),
  windowMonths,
  maxWait: z.coerce
    .number({ message: '--max-wait must be a number of seconds' })
    .int('--max-wait must be a whole number of seconds')
    .min(0, '--max-wait must be 0 or more')
    .max(7200, '--max-wait must be at most 7200 seconds')
    .default(900),
});

/** Parses command options with zod; the first problem becomes an INVALID_INPUT error. */
export function parseOptions<T extends z.ZodTypeAny>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RepoScoutError('INVALID_INPUT', `${issue?.message ?? 'invalid option'}; see --help.`);
  }
  return result.data;
}
