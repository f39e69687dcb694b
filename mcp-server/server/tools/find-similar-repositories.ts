import { plural } from '../../../shared/reports/format';
import { similarRepositories } from '../../../shared/recommend/similar';
import { cardOf, recommendationOf, recommendationRow } from '../recommend-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { findSimilarRepositoriesContract } from '../../../shared/protocol/tools/find-similar-repositories';

export const findSimilarRepositoriesTool = defineTool({
  ...findSimilarRepositoriesContract,
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
