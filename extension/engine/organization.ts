import {
  getCitationsContract,
  getCollaborationNetworkContract,
  getOrganizationContract,
  getTopicsContract,
  ingestGitHubContract,
  type GetCitationsResult,
  type GetCollaborationNetworkResult,
  type GetOrganizationResult,
  type GetTopicsResult,
  type IngestGitHubResult,
} from '../../shared/protocol';
import type { CallOptions, EngineClient } from './client';

// GitHub organizations as typed calls over MCP: ingest, then read the stored research.
export type IngestResult = IngestGitHubResult;
export type OrganizationDetails = GetOrganizationResult;
export type CollaborationNetwork = GetCollaborationNetworkResult;

/** Fetches an owner ("octo-org") or one repository ("octo-org/repo") from GitHub and researches it. */
export function ingestGitHub(engine: EngineClient, target: string, windowMonths: number, options: CallOptions): Promise<IngestResult> {
  return engine.call(ingestGitHubContract, { target, windowMonths }, { ...options, long: true });
}

export interface OrganizationData {
  details: OrganizationDetails;
  network: CollaborationNetwork;
  topics: GetTopicsResult | null;
  citations: GetCitationsResult | null;
}

/** Everything the organization dashboard shows, in parallel calls; topics and citations when served. */
export async function loadOrganization(engine: EngineClient, owner: string, signal?: AbortSignal): Promise<OrganizationData> {
  const [details, network, topics, citations] = await Promise.all([
    engine.call(getOrganizationContract, { owner, sections: ['all'] }, { signal }),
    engine.call(getCollaborationNetworkContract, { owner, includeGraph: true, limit: 10 }, { signal }),
    engine.has(getTopicsContract) ? engine.call(getTopicsContract, { owner, limit: 20 }, { signal }) : Promise.resolve(null),
    engine.has(getCitationsContract) ? engine.call(getCitationsContract, { owner, limit: 20 }, { signal }) : Promise.resolve(null),
  ]);
  return { details, network, topics, citations };
}
