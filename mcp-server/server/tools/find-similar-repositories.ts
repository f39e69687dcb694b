import { z } from 'zod';
import { plural } from '../../../shared/reports/format';
import { similarRepositories } from '../../../shared/recommend/similar';
import { cardOf, cardSchema, embedderSchema, recommendationOf, recommendationRow, recommendationSchema, recommendRepositoryInput, searchModeInput } from '../recommend-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

const input = z.strictObject({
  repository: recommendRepositoryInput,
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit is at most 50').default(10).describe('Repositories to return, 1-50.'),
  mode: searchModeInput,
  diversity: z.boolean().default(true).describe('Push near-copies of a better-ranked result down (maximal marginal relevance), so the top is varied.'),
});

const output = z.object({
  repository: cardSchema,
  mode: z.enum(['hybrid', 'bm25', 'vector']),
  embedder: embedderSchema,
  recommendations: z.array(recommendationSchema),
});

export const findSimilarRepositoriesTool = defineTool({
  name: 'find_similar_repositories',
  toolset: 'recommend',
  title: 'Find similar repositories',
  description:
    'Repositories in the database most like a given one, each with a score and its explanation factor by factor: semantic and keyword similarity, tech-stack overlap (language, topics), health, recent activity, popularity (log of stars), and a diversity penalty for near-copies. ' +
    'Only stored repositories are compared (analysed clones, ingested or imported GitHub repositories).',
  input,
  output,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, { catalog, signal, progress, log }) {
    const space = await catalog.search.ready({ signal, progress, log });
    const result = await similarRepositories(catalog.store, space, args.repository, { limit: args.limit, mode: args.mode, diversity: args.diversity });
    const structured = { repository: cardOf(result.repository), mode: result.mode, embedder: result.embedder, recommendations: result.recommendations.map(recommendationOf) };
    const headline =
      structured.recommendations.length === 0
        ? 'No other repository in the database to compare with.'
        : `${plural(structured.recommendations.length, 'repository', 'repositories')} similar to the one below, best first (${result.mode}${result.embedder ? `, ${result.embedder.name} vectors` : ''}); score 0-1 is the sum of the factor contributions:`;
    const rows = [`seed ${quote(structured.repository.key)}`, ...structured.recommendations.map(recommendationRow)];
    return { structured, text: textAnswer(headline, rows) };
  },
});
