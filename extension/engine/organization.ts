import type { z } from 'zod';
import type { CallOptions, EngineClient } from './client';
import {
  getCitationsOutput,
  getCollaborationNetworkOutput,
  getOrganizationOutput,
  getTopicsOutput,
  ingestGitHubOutput,
  type CollaborationNetwork,
  type IngestResult,
  type OrganizationDetails,
} from './schemas';

// GitHub organizations as typed calls over MCP: ingest, then read the stored research.
export const ORG_TOOLS = {
  ingest: 'ingest_github',
  get: 'get_organization',
  network: 'get_collaboration_network',
  topics: 'get_topics',
  citations: 'get_citations',
} as const;

/** Fetches an owner ("octo-org") or one repository ("octo-org/repo") from GitHub and researches it. */
export function ingestGitHub(engine: EngineClient, target: string, windowMonths: number, options: CallOptions): Promise<IngestResult> {
  return engine.call(ORG_TOOLS.ingest, { target, windowMonths }, ingestGitHubOutput, { ...options, long: true });
}

export interface OrganizationData {
  details: OrganizationDetails;
  network: CollaborationNetwork;
  topics: z.output<typeof getTopicsOutput> | null;
  citations: z.output<typeof getCitationsOutput> | null;
}

/** Everything the organization dashboard shows, in parallel calls; topics and citations when served. */
export async function loadOrganization(engine: EngineClient, owner: string, signal?: AbortSignal): Promise<OrganizationData> {
  const [details, network, topics, citations] = await Promise.all([
    engine.call(ORG_TOOLS.get, { owner, sections: ['all'] }, getOrganizationOutput, { signal }),
    engine.call(ORG_TOOLS.network, { owner, includeGraph: true, limit: 10 }, getCollaborationNetworkOutput, { signal }),
    engine.has(ORG_TOOLS.topics) ? engine.call(ORG_TOOLS.topics, { owner, limit: 20 }, getTopicsOutput, { signal }) : Promise.resolve(null),
    engine.has(ORG_TOOLS.citations) ? engine.call(ORG_TOOLS.citations, { owner, limit: 20 }, getCitationsOutput, { signal }) : Promise.resolve(null),
  ]);
  return { details, network, topics, citations };
}
