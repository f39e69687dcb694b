import type { ToolDefinition } from '../tool';
import { approveSubtaskTool } from './approve-subtask';
import { cancelJobTool } from './cancel-job';
import { getAttemptLogTool } from './get-attempt-log';
import { getJobTool } from './get-job';
import { listJobsTool } from './list-jobs';
import { planJobTool } from './plan-job';
import { startJobTool } from './start-job';
import { analyzeLocalRepositoryTool } from './analyze-local-repository';
import { collectAchievementsTool } from './collect-achievements';
import { getPortfolioTool } from './get-portfolio';
import { getPullRequestImpactTool } from './get-pull-request-impact';
import { listAchievementsTool } from './list-achievements';
import { findPeopleToAskTool } from './find-people-to-ask';
import { findSimilarRepositoriesTool } from './find-similar-repositories';
import { forgetTool } from './forget';
import { getCitationsTool } from './get-citations';
import { getCollaborationNetworkTool } from './get-collaboration-network';
import { getContributorsTool } from './get-contributors';
import { getHotspotsTool } from './get-hotspots';
import { getOrganizationTool } from './get-organization';
import { getRepositoryTool } from './get-repository';
import { getTopicsTool } from './get-topics';
import { ingestGitHubTool } from './ingest-github';
import { listMemoriesTool } from './list-memories';
import { listPullRequestsTool } from './list-pull-requests';
import { listRepositoriesTool } from './list-repositories';
import { recallTool } from './recall';
import { recommendForDeveloperTool } from './recommend-for-developer';
import { rememberTool } from './remember';
import { researchOrganizationTool } from './research-organization';
import { searchTool } from './search';

/**
 * Every MCP tool RepoScout has, in the order agents see them. Adding a tool is adding a
 * file in this folder and a line here; its toolset and read-only hint decide when it is served.
 */
export const allTools: readonly ToolDefinition[] = [
  // research
  analyzeLocalRepositoryTool,
  listRepositoriesTool,
  getRepositoryTool,
  getContributorsTool,
  getHotspotsTool,
  listPullRequestsTool,
  ingestGitHubTool,
  researchOrganizationTool,
  getOrganizationTool,
  getCollaborationNetworkTool,
  getTopicsTool,
  getCitationsTool,
  // achievements
  collectAchievementsTool,
  listAchievementsTool,
  getPullRequestImpactTool,
  getPortfolioTool,
  // recommend
  searchTool,
  findSimilarRepositoriesTool,
  recommendForDeveloperTool,
  findPeopleToAskTool,
  // orchestrate
  planJobTool,
  startJobTool,
  getJobTool,
  listJobsTool,
  getAttemptLogTool,
  approveSubtaskTool,
  cancelJobTool,
  // memory
  rememberTool,
  recallTool,
  listMemoriesTool,
  forgetTool,
];
