import type { OrganizationResearch } from '../research/org-types';
import { formatDay, formatInteger, plural } from './format';
import type { Fact } from './facts';

/** The overview facts of an organization report, as plain label/value text. */
export function organizationFacts(r: OrganizationResearch): Fact[] {
  const t = r.totals;
  return [
    { label: 'Owner', value: `${r.owner.login}${r.owner.name ? ` (${r.owner.name})` : ''}, ${r.owner.kind === 'User' ? 'user' : 'organization'} on ${r.owner.host}` },
    { label: 'Repositories', value: `${formatInteger(t.repositories)} (${formatInteger(t.ranked)} ranked; ${formatInteger(t.archived)} archived, ${formatInteger(t.forks)} forks, ${formatInteger(t.empty)} empty)` },
    { label: 'Active / dormant', value: `${formatInteger(t.active)} pushed to in the last 90 days; ${formatInteger(t.dormant)} with no push for over a year` },
    { label: 'Health', value: r.health.median === null ? 'no ranked repositories' : `median ${formatInteger(r.health.median)}/100 over the ranked repositories` },
    { label: 'People', value: `${plural(t.contributors, 'human contributor')} in ${plural(r.network.communities.length, 'community', 'communities')}` },
    { label: 'Stars, open issues, open PRs', value: `${formatInteger(t.stars)} · ${formatInteger(t.openIssues)} · ${formatInteger(t.openPullRequests)}` },
    { label: 'Window', value: `${plural(r.options.windowMonths, 'month')}, ${formatDay(r.options.windowStart)} to ${formatDay(r.options.now)}` },
    { label: 'Data synced', value: r.sync.syncedAt ? `${formatDay(r.sync.syncedAt)} (listing ${formatDay(r.sync.listedAt)})` : `listing ${formatDay(r.sync.listedAt)}; detail not complete` },
  ];
}

export function activityFactsOrg(r: OrganizationResearch): Fact[] {
  const a = r.activity;
  const sampled = a.commitsInWindowReported > a.commitsInWindow ? ` (GitHub counts ${formatInteger(a.commitsInWindowReported)}; the newest 100 per repository were read)` : '';
  return [
    { label: 'Commits in the window', value: `${formatInteger(a.commitsInWindow)}${sampled}` },
    { label: 'Pull requests merged', value: formatInteger(a.pullRequestsMergedInWindow) },
    { label: 'Issues opened', value: formatInteger(a.issuesOpenedInWindow) },
    { label: 'Releases published', value: formatInteger(a.releasesInWindow) },
  ];
}
