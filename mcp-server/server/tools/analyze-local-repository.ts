import { z } from 'zod';
import { researchLocalRepository } from '../../../shared/research/research-local';
import { findRepositoryByKey } from '../../../shared/store/repositories';
import { plural } from '../../../shared/reports/format';
import { expandHome } from '../paths';
import { identityOf, identitySchema, summaryOf, summarySchema } from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

const input = z.strictObject({
  path: z
    .string()
    .min(1, 'path is empty; pass the folder of a local git clone')
    .max(4096)
    .describe('Folder of a local git clone, or any folder inside it. Absolute paths are safest; a relative path or ~ is resolved against the server\'s working folder or home.'),
  windowMonths: z.number().int().min(1).max(240).default(12).describe('Recent window, in months, for bus factor, hotspots and activity.'),
  force: z.boolean().default(false).describe('Recompute even when nothing changed since the last analysis.'),
});

const output = z.object({
  repository: identitySchema,
  newCommits: z.number(),
  reused: z.boolean(),
  summary: summarySchema,
});

export const analyzeLocalRepositoryTool = defineTool({
  name: 'analyze_local_repository',
  toolset: 'research',
  title: 'Analyse a local git clone',
  description:
    'Read a local git clone\'s history (offline; only commits new since the last run), analyse it and store the result: health score with a per-component breakdown, contributors and bus factor, activity, hotspots, languages, community files, pull requests reconstructed from merge and squash commits, releases. ' +
    'Returns the repository key and headline figures; read details afterwards with get_repository, get_contributors, get_hotspots and list_pull_requests. ' +
    'A first run on a long history can take a while and reports progress; an unchanged clone returns the stored result at once. Cancelling leaves the database as it was.',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, { catalog, signal, progress, log }) {
    const target = expandHome(args.path);
    const outcome = await catalog.exclusive(signal, () =>
      researchLocalRepository(catalog.store, target, { windowMonths: args.windowMonths, force: args.force, signal, onProgress: progress }),
    );
    // The clone is searchable at once: index it and embed it now, not on the next search.
    // Quietly: the analysis's own progress ends with "analysed"; embedding one clone is quick.
    if (!outcome.reused) await catalog.search.warm({ signal, progress: () => {}, log });
    const r = outcome.research;
    const row = findRepositoryByKey(catalog.store.db, r.repository.key);
    const repository = row
      ? identityOf(row)
      : { key: r.repository.key, name: r.repository.name, source: 'local' as const, owner: null, path: r.repository.path };
    const summary = summaryOf(r);
    const what = outcome.reused ? 'unchanged since the last analysis; returned the stored result' : `${plural(outcome.newCommits, 'new commit')} read and analysed`;
    const text = textAnswer(
      `Analysed: health ${summary.health.score}/100 (grade ${summary.health.grade}); ${what}. ` +
        `${plural(summary.commits, 'commit')}, ${plural(summary.contributors.humans, 'human contributor')}, bus factor ${summary.busFactor.window} over the last ${summary.windowMonths} months.`,
      [`key ${quote(repository.key)} name ${quote(repository.name)}`],
      ['Next: get_repository with this key (add sections such as "health" for the breakdown), get_contributors, get_hotspots or list_pull_requests.'],
    );
    return { structured: { repository, newCommits: outcome.newCommits, reused: outcome.reused, summary }, text };
  },
});
