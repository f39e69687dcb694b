import { collectFromGit, identityFrom, parseWindow, portfolioFromStore } from '../../../shared/achievements/index';
import { collectFromGitHub, type GitHubScope } from '../../../shared/achievements/collect-github';
import { isRepoScoutError, RepoScoutError, throwIfAborted } from '../../../shared/errors';
import type { GitHubClient } from '../../../shared/github/client';
import { isValidLogin, parseGitHubTarget } from '../../../shared/github/target';
import { collectAchievementsContract, type CollectAchievementsArgs } from '../../../shared/protocol/tools/collect-achievements';
import { expandHome } from '../paths';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

// Longest rate-limit wait sat through before stopping; a rerun resumes after the last stored page.
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

export const collectAchievementsTool = defineTool({
  ...collectAchievementsContract,
  async run(args, { catalog, github, log, signal, progress }) {
    const identity = identityFrom(args.who, args.as ?? []);
    const window = parseWindow(args.since, args.until);
    const scope = githubScope(args);
    const local = args.local ?? [];
    if (scope === null && local.length === 0) {
      throw new RepoScoutError('INVALID_INPUT', 'Nothing to collect from: pass local (paths of git clones), or a GitHub scope: owner, repos, or everywhere: true.');
    }
    // the engine's own message names the command line's --as; say it in this tool's terms
    if (scope !== null && identity.logins.size === 0) {
      throw new RepoScoutError('INVALID_INPUT', `GitHub collection needs the person's GitHub login: pass it as who, or add it to as (for example as: [${JSON.stringify(args.who.split('@')[0]?.trim() || 'login')}]).`);
    }
    const result = await catalog.exclusive(signal, async () => {
      const fromGit = local.length > 0 ? await collectFromGit(catalog.store, local.map(expandHome), identity, window, { signal, onProgress: progress }) : null;
      let fromGitHub: { prs: number; requests: number; resumed: boolean } | null = null;
      if (scope !== null) {
        const client = github.connect({
          maxWaitSeconds: MAX_RATE_LIMIT_WAIT_SECONDS,
          onRateLimitWait: ({ kind, seconds, waiting }) => log.warn(`collect_achievements: GitHub's ${kind} rate limit asks for ${seconds} s; ${waiting ? 'waiting' : 'stopping (a rerun resumes)'}`),
        });
        fromGitHub = await collectFromGitHub(catalog.store, client, identity, scope, window, { signal, onProgress: progress }).catch((error: unknown) => {
          throw redacted(error, client);
        });
        throwIfAborted(signal);
      }
      return { fromGit, fromGitHub };
    });
    const portfolio = portfolioFromStore(catalog.store, identity, window);
    const repositories = (result.fromGit?.repositories ?? []).map((r) => ({ name: r.name, prs: r.prs, newCommits: r.newCommits }));
    const prs = (result.fromGit?.records.length ?? 0) + (result.fromGitHub?.prs ?? 0);
    const requests = result.fromGitHub?.requests ?? 0;
    const sources = [
      ...(result.fromGit ? [`${result.fromGit.records.length} from ${repositories.length} clone(s)`] : []),
      ...(result.fromGitHub ? [`${result.fromGitHub.prs} from GitHub in ${requests} request(s)${result.fromGitHub.resumed ? ', resuming an interrupted run' : ''}`] : []),
    ];
    return {
      structured: { who: args.who, repositories, prs, requests, summary: portfolio.summary },
      text: textAnswer(
        `Collected ${prs} merged pull requests by ${quote(args.who)}: ${sources.join('; ')}.${result.fromGitHub ? " Private repositories the server's token cannot read are not in GitHub's search results." : ''}`,
        [...repositories.map((r) => `${quote(r.name)}: ${r.prs} PRs`), `summary ${quote(portfolio.summary, 600)}`],
        ['Next: get_portfolio (add sections for more), list_achievements, get_pull_request_impact.'],
      ),
    };
  },
});

/** The GitHub scope asked for, or null for clones only; names are checked here, where the message can name the field. */
function githubScope(args: CollectAchievementsArgs): GitHubScope | null {
  const asked = [args.owner !== undefined && 'owner', args.repos !== undefined && 'repos', args.everywhere === true && 'everywhere'].filter(Boolean);
  if (asked.length > 1) throw new RepoScoutError('INVALID_INPUT', `Pass one GitHub scope, not ${asked.join(' and ')}: owner (a user or organization), repos (owner/name list), or everywhere: true.`);
  if (args.owner !== undefined) {
    if (!isValidLogin(args.owner)) throw new RepoScoutError('INVALID_INPUT', `owner ${JSON.stringify(args.owner)} is not a GitHub user or organization name (1-39 letters, digits or single hyphens); to name repositories use repos.`);
    return { owner: args.owner };
  }
  if (args.repos !== undefined) {
    if (args.repos.length === 0) throw new RepoScoutError('INVALID_INPUT', 'repos is empty; list repositories as owner/name, or use owner or everywhere instead.');
    return {
      repos: args.repos.map((repo) => {
        const target = repo.includes('/') ? parseGitHubTarget(repo) : null;
        if (!target?.repo) throw new RepoScoutError('INVALID_INPUT', `repos entry ${JSON.stringify(repo)} is not owner/name; write it as "octo-org/hello-world".`);
        return `${target.owner}/${target.repo}`;
      }),
    };
  }
  return args.everywhere === true ? {} : null;
}

/** A failure the engine did not translate could quote a server that echoed the token: redact it. */
function redacted(error: unknown, client: GitHubClient): unknown {
  if (isRepoScoutError(error) || !(error instanceof Error)) return error;
  return new RepoScoutError('GITHUB_FAILED', `${client.redact(error.message.split('\n')[0] ?? '').slice(0, 300)}; the pages collected so far are stored — call collect_achievements again to resume.`);
}
