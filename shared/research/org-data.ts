import { RepoScoutError } from '../errors';
import { findOwner, type OwnerRow } from '../github/github-store';
import { parseGitHubTarget } from '../github/target';
import type { Store } from '../store/open';
import { GITHUB_REPOSITORY_COLUMNS, type GitHubRepositoryRow } from './org-repository';

/** The stored owner and its (not removed) repositories, or NOT_RESEARCHED naming the ingest to run. */
export function loadOwner(store: Store, owner: string, host = 'github.com'): { owner: OwnerRow; repositories: GitHubRepositoryRow[] } {
  const { owner: login } = parseGitHubTarget(owner);
  const row = findOwner(store.db, host, login);
  if (!row) {
    throw new RepoScoutError('NOT_RESEARCHED', `Nothing about "${login}"${host === 'github.com' ? '' : ` on ${host}`} is stored yet.`, {
      remedy: { do: 'ingest', target: login, host: host === 'github.com' ? null : host },
    });
  }
  const repositories = store.db
    .prepare(`select ${GITHUB_REPOSITORY_COLUMNS} from repositories r join github_repositories g on g.repo_id = r.id where g.owner_id = ? and g.removed = 0 order by r.name collate nocase`)
    .all(row.id) as GitHubRepositoryRow[];
  return { owner: row, repositories };
}
