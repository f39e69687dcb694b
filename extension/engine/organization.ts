import { ingestGitHubContract, type IngestGitHubResult } from '../../shared/protocol';
import { orgReportModelSchema, orgReportModelUri, type OrgReportModel } from '../../shared/protocol/org-report';
import type { CallOptions, EngineClient } from './client';
import { loadModel } from './research';

// GitHub organizations as typed calls over MCP: ingest, then read the stored research.
export type IngestResult = IngestGitHubResult;

/** Fetches an owner ("octo-org") or one repository ("octo-org/repo") from GitHub and researches it. */
export function ingestGitHub(engine: EngineClient, target: string, windowMonths: number, options: CallOptions): Promise<IngestResult> {
  return engine.call(ingestGitHubContract, { target, windowMonths }, { ...options, long: true });
}

/** A researched owner's organization report model, whole from the engine (the same model its HTML report renders). */
export function loadOrgReportModel(engine: EngineClient, owner: string, signal?: AbortSignal): Promise<OrgReportModel> {
  return loadModel(engine, orgReportModelUri(owner), orgReportModelSchema, 'organization report', signal);
}
