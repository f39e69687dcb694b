import { isRepoScoutError, RepoScoutError, throwIfAborted } from '../../../shared/errors';
import type { GitHubClient } from '../../../shared/github/client';
import { ingestGitHubOwner } from '../../../shared/github/ingest';
import { parseGitHubTarget } from '../../../shared/github/target';
import { researchGitHubRepositoryByName, researchOrganization } from '../../../shared/research/org-research';
import { plural } from '../../../shared/reports/format';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { ingestGitHubContract, type IngestGitHubResult } from '../../../shared/protocol/tools/ingest-github';

type Output = IngestGitHubResult;

export const ingestGitHubTool = defineTool({
  ...ingestGitHubContract,
  async run(args, { catalog, github, log, signal, progress }) {
    // Refuse a malformed name before any request.
    const target = parseGitHubTarget(args.target);
    const spec = target.repo ? `${target.owner}/${target.repo}` : target.owner;
    const client = github.connect({
      maxWaitSeconds: args.maxWaitSeconds,
      onRateLimitWait: ({ kind, seconds, waiting }) =>
        log.warn(`ingest_github ${spec}: GitHub's ${kind} rate limit asks for ${seconds} s; ${waiting ? 'waiting' : 'longer than maxWaitSeconds, stopping'}`),
    });
    const structured = await catalog.exclusive(signal, async () => {
      const ingest = await ingestGitHubOwner(catalog.store, client, spec, {
        signal,
        onProgress: progress,
        concurrency: args.concurrency,
        detail: args.detail,
        windowMonths: args.windowMonths,
      }).catch((error: unknown) => {
        throw redacted(error, client);
      });
      throwIfAborted(signal);
      const answer: Output = {
        host: ingest.host,
        owner: ingest.owner,
        ownerKind: ingest.ownerKind,
        repository: ingest.repository,
        authenticated: client.authenticated,
        repositories: ingest.repositories,
        detailed: ingest.detailed,
        unchanged: ingest.unchanged,
        removed: ingest.removed,
        cost: {
          requests: ingest.cost.requests,
          notModified: ingest.cost.notModified,
          rateLimitCost: ingest.cost.rateLimitCost,
          rateLimitRemaining: ingest.cost.rateLimit?.remaining ?? null,
          rateLimitLimit: ingest.cost.rateLimit?.limit ?? null,
        },
        research: null,
      };
      if (!args.research) return answer;
      const options = { host: ingest.host, windowMonths: args.windowMonths };
      if (ingest.repository) {
        const r = researchGitHubRepositoryByName(catalog.store, ingest.owner, ingest.repository, options);
        answer.research = { repositories: 1, medianHealth: r.health.score, key: r.repository.key };
      } else {
        const r = researchOrganization(catalog.store, ingest.owner, options);
        answer.research = { repositories: r.totals.repositories, medianHealth: r.health.median, key: null };
      }
      return answer;
    });
    // Fit and embed now, so the agent's next search or find_similar_repositories answers at once.
    await catalog.search.warm({ signal, progress, log });
    return { structured, text: render(structured) };
  },
});

/** A failure the engine did not translate could quote a server that echoed the token: redact it. */
function redacted(error: unknown, client: GitHubClient): unknown {
  if (isRepoScoutError(error) || !(error instanceof Error)) return error;
  return new RepoScoutError('GITHUB_FAILED', `${client.redact(error.message.split('\n')[0] ?? '').slice(0, 300)}; everything finished so far is stored — call ingest_github again to resume.`);
}

function render(o: Output): string {
  const what = o.repository ? 'repository' : 'owner';
  const rate = o.cost.rateLimitRemaining === null ? '' : `, ${o.cost.rateLimitRemaining}/${o.cost.rateLimitLimit} of the rate limit left`;
  const research =
    o.research === null
      ? 'Not researched yet (research was false): call research_organization with this owner before reading it.'
      : o.repository
        ? `Researched: health ${o.research.medianHealth}/100.`
        : `Researched: ${plural(o.research.repositories, 'repository', 'repositories')}, median health ${o.research.medianHealth ?? 'n/a'}/100.`;
  const headline =
    `Ingested from ${o.host}: ${plural(o.repositories, 'repository', 'repositories')} stored; ${o.detailed} updated, ${o.unchanged} unchanged${o.removed ? `, ${o.removed} gone from GitHub` : ''}. ` +
    `${plural(o.cost.requests, 'request')} (${o.cost.notModified} answered from the cache), rate-limit cost ${o.cost.rateLimitCost}${rate}. ${research}` +
    (o.authenticated ? '' : ' No GitHub token was set for the server: public data only, at 60 requests an hour.');
  const rows = [`${what} ${quote(o.repository ? `${o.owner}/${o.repository}` : o.owner)}${o.ownerKind ? ` kind ${quote(o.ownerKind)}` : ''}${o.research?.key ? ` key ${quote(o.research.key)}` : ''}`];
  const next = o.repository
    ? 'Next: get_repository with this key (sections such as "health"), or get_contributors.'
    : 'Next: get_organization with this owner, get_collaboration_network, get_topics, get_citations, or list_repositories with owner.';
  return textAnswer(headline, rows, [next]);
}
