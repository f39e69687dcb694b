import { z } from 'zod';
import { RepoScoutError } from '../../shared/errors';

/** Options every command accepts. */
export const globalOptionsSchema = z.object({
  db: z.string().min(1, '--db needs a file path').optional(),
  json: z.boolean().default(false),
  progress: z.boolean().default(true),
});

export const researchOptionsSchema = globalOptionsSchema.extend({
  out: z.string().min(1, '--out needs a folder path').optional(),
  windowMonths: z.coerce
    .number({ message: '--window-months must be a number' })
    .int('--window-months must be a whole number of months')
    .min(1, '--window-months must be at least 1')
    .max(240, '--window-months must be at most 240')
    .default(12),
  force: z.boolean().default(false),
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
