import type { z } from 'zod';
import { organizationSummarySchema } from '../../shared/protocol/records';
import { RepoScoutError } from '../../shared/errors';
import type { OrganizationResearch } from '../../shared/research/org-types';
import type { OrganizationLookup } from './catalog';
import type { ToolContext } from './tool';
import { quote } from './untrusted';

// Shared by the organization tools: the owner argument, and the stored organization
// research they read (never recomputed on a read: research_organization does that).

/** The owner's stored organization research; NOT_RESEARCHED with what would fix it as a remedy. */
export function requireOrganization(context: Pick<ToolContext, 'catalog' | 'github'>, owner: string): OrganizationResearch {
  const host = context.github.host();
  const found = context.catalog.organization(owner, host);
  if (found.state === 'researched') return found.research;
  throw notResearched(found, owner, host);
}

/** Why an owner cannot be read yet; the remedy (ingest it, or research it) is data each front door words. */
export function notResearched(found: Exclude<OrganizationLookup, { state: 'researched' }>, owner: string, host: string): RepoScoutError {
  if (found.state === 'unknown') {
    return new RepoScoutError('NOT_RESEARCHED', `Nothing about ${quote(owner)} is stored yet.`, {
      remedy: { do: 'ingest', target: owner, host: host === 'github.com' ? null : host },
    });
  }
  return new RepoScoutError('NOT_RESEARCHED', `${quote(found.login)} is ingested but has not been researched yet.`, { remedy: { do: 'research_owner', owner: found.login } });
}

/** The headline numbers every organization answer starts from. */
export function organizationHeadline(r: OrganizationResearch): string {
  const t = r.totals;
  const median = r.health.median === null ? 'no ranked repositories' : `median health ${r.health.median}/100`;
  return (
    `${t.repositories} repositories (${t.ranked} ranked; ${t.archived} archived, ${t.forks} forks, ${t.empty} empty), ${median}, ` +
    `${t.contributors} human contributors; researched ${r.analyzedAt.slice(0, 10)} over the last ${r.options.windowMonths} months.`
  );
}

export function organizationSummaryOf(r: OrganizationResearch): z.output<typeof organizationSummarySchema> {
  return {
    owner: { login: r.owner.login, host: r.owner.host, kind: r.owner.kind, name: r.owner.name, description: r.owner.description },
    analyzedAt: r.analyzedAt,
    windowMonths: r.options.windowMonths,
    syncedAt: r.sync.syncedAt,
    totals: r.totals,
    health: { median: r.health.median, mean: r.health.mean, grades: r.health.grades },
    network: { people: r.network.people.length, edges: r.network.edges.length, communities: r.network.communities.length },
    topics: { terms: r.topics.topics.length, clusters: r.topics.clusters.length },
    citations: { repositories: r.citations.counts.repositoriesWithCitations, references: r.citations.references.length },
  };
}

/** Data-block rows naming the owner (its name and description come from GitHub). */
export function ownerRows(r: OrganizationResearch): string[] {
  const o = r.owner;
  return [`owner ${quote(o.login)}${o.kind ? ` kind ${quote(o.kind)}` : ''}${o.name ? ` name ${quote(o.name)}` : ''}${o.description ? ` description ${quote(o.description, 300)}` : ''}`];
}
