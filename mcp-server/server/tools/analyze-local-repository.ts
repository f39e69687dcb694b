import { researchLocalRepository } from '../../../shared/research/research-local';
import { findRepositoryByKey } from '../../../shared/store/repositories';
import { plural } from '../../../shared/reports/format';
import { expandHome } from '../paths';
import { identityOf, summaryOf } from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { analyzeLocalRepositoryContract } from '../../../shared/protocol/tools/analyze-local-repository';

export const analyzeLocalRepositoryTool = defineTool({
  ...analyzeLocalRepositoryContract,
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
