import { z } from 'zod';
import { hotspotSchema, identityOf, identitySchema, repositoryInput } from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

const input = z.strictObject({
  repository: repositoryInput,
  pathPrefix: z.string().min(1).max(1024).optional().describe('Only files under this folder or with this path prefix, e.g. "src/".'),
  limit: z.number().int().min(1, 'limit must be at least 1').max(20, 'limit is at most 20: the analysis keeps the top 20 files by churn').default(10).describe('How many files, 1-20.'),
});

const output = z.object({
  repository: identitySchema,
  windowMonths: z.number(),
  windowStart: z.string(),
  hotspots: z.array(hotspotSchema),
});

export const getHotspotsTool = defineTool({
  name: 'get_hotspots',
  toolset: 'research',
  title: 'Change hotspots',
  description:
    'List the files of a stored repository that changed most in the recent window (churn = lines added + deleted by non-merge commits, with commit and author counts), at most the top 20 the analysis keeps. ' +
    'Use it to find risky, fast-moving or central code before a review or refactor; combine with get_contributors to see who knows those files.',
  input,
  output,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  run(args, { catalog, enabledTools }) {
    const { row, research } = catalog.resolve(args.repository, enabledTools);
    const prefix = args.pathPrefix?.replace(/^\.?\//, '');
    const hotspots = research.hotspots.filter((h) => prefix === undefined || h.path.startsWith(prefix)).slice(0, args.limit);
    const structured = { repository: identityOf(row), windowMonths: research.options.windowMonths, windowStart: research.options.windowStart, hotspots };
    const headline =
      row.source === 'github'
        ? 'Hotspots need the file-level history of a local clone; GitHub research has none. Analyse a local clone of this repository to see them.'
        : hotspots.length === 0
        ? `No hotspot${prefix === undefined ? '' : ' under that prefix'} among the top ${research.hotspots.length} files by churn since ${research.options.windowStart.slice(0, 10)}.`
        : `${hotspots.length} files by churn since ${research.options.windowStart.slice(0, 10)} (last ${research.options.windowMonths} months):`;
    const rows = hotspots.map((h) => `${quote(h.path, 400)} churn ${h.churn} (+${h.additions}/-${h.deletions}) in ${h.commits} commits by ${h.authors} authors`);
    return { structured, text: textAnswer(headline, rows) };
  },
});
