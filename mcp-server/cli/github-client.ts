import { githubClientFromEnvironment } from '../../shared/github/client-from-env';
import type { GitHubClient } from '../../shared/github/client';
import { resolveEndpoints } from '../../shared/github/host';
import type { Store } from '../../shared/store/open';

export interface GitHubCliOptions {
  tokenFile?: string | undefined;
  githubHost?: string | undefined;
  maxWait?: number | undefined;
}

const UNAUTHENTICATED_NOTE =
  "reposcout: no GitHub token (GITHUB_TOKEN, GH_TOKEN or --token-file): reading public data only, at GitHub's unauthenticated limit of 60 requests an hour.";

/** The GitHub host the CLI talks to: --github-host, then REPOSCOUT_GITHUB_HOST, then github.com. */
export function resolveHost(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolveEndpoints(flag ?? (env.REPOSCOUT_GITHUB_HOST || undefined)).host;
}

/** The CLI's GitHub client; rate-limit waits are reported on stderr, and a note when no token is set. */
export function githubClientForCli(store: Store, options: GitHubCliOptions): { client: GitHubClient; note: string | null } {
  const { client, tokenSource } = githubClientFromEnvironment(store, {
    tokenFile: options.tokenFile,
    host: options.githubHost,
    maxWaitSeconds: options.maxWait,
    onRateLimitWait: ({ kind, seconds, waiting }) => {
      const what = kind === 'primary' ? 'rate limit is used up' : 'secondary rate limit asks to slow down';
      process.stderr.write(
        waiting
          ? `\rreposcout: GitHub's ${what}; waiting ${seconds} s as GitHub asks (Ctrl-C stops; the next run resumes).\n`
          : `\rreposcout: GitHub's ${what} for ${seconds} s, longer than --max-wait; stopping.\n`,
      );
    },
  });
  return { client, note: tokenSource === 'none' ? UNAUTHENTICATED_NOTE : null };
}
