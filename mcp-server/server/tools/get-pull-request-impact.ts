import { findRecords } from '../../../shared/achievements/index';
import { recordRef } from '../../../shared/achievements/record';
import { RepoScoutError } from '../../../shared/errors';
import { getPullRequestImpactContract } from '../../../shared/protocol/tools/get-pull-request-impact';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

export const getPullRequestImpactTool = defineTool({
  ...getPullRequestImpactContract,
  run(args, { catalog }) {
    const record = findRecords(catalog.store.db, args.repository, args.number)[0];
    if (!record) {
      throw new RepoScoutError('PULL_REQUEST_NOT_FOUND', `No stored pull request #${args.number} in ${args.repository}; list them with list_achievements (repositoryKey and number) or collect with collect_achievements.`);
    }
    const components = record.impact.components.map((c) => ({ label: c.label, points: c.points, detail: c.detail }));
    return {
      structured: { ref: recordRef(record), title: record.title, source: record.source, classification: record.classification, impact: record.impact.score, components },
      text: textAnswer(
        `Impact ${record.impact.score}/100; class ${record.classification.class} by ${record.classification.rule} (confidence ${record.classification.confidence}).`,
        [`${quote(recordRef(record))} ${quote(record.title)}`, ...components.map((c) => `${c.label}: ${c.points} points, ${quote(c.detail)}`)],
      ),
    };
  },
});
