import {
  analyzeLocalRepositoryContract,
  collectAchievementsContract,
  findPeopleToAskContract,
  findSimilarRepositoriesContract,
  getOrganizationContract,
  ingestGitHubContract,
  listAchievementsContract,
  listMemoriesContract,
  listRepositoriesContract,
  searchContract,
  type ToolContract,
} from '../../shared/protocol';
import type { EngineClient } from './client';

// Which engine capability each view and command needs, as data: a capability is available
// when the running engine serves one of its tools (the toolsets setting or --read-only can
// leave some out). Views and menus switch on and off with these, through context keys.
export const CAPABILITIES = {
  research: [analyzeLocalRepositoryContract, listRepositoriesContract],
  ingest: [ingestGitHubContract],
  organization: [getOrganizationContract],
  search: [searchContract],
  similar: [findSimilarRepositoriesContract],
  people: [findPeopleToAskContract],
  memory: [listMemoriesContract],
  achievements: [listAchievementsContract],
  collectAchievements: [collectAchievementsContract],
} satisfies Record<string, readonly ToolContract[]>;

export type Capability = keyof typeof CAPABILITIES;

/** The tool that provides `capability` on this engine, or null. */
export function toolFor(engine: Pick<EngineClient, 'has'>, capability: Capability): string | null {
  return (CAPABILITIES[capability] as readonly ToolContract[]).find((tool) => engine.has(tool))?.name ?? null;
}

export function availableCapabilities(tools: ReadonlySet<string>): Record<Capability, boolean> {
  return Object.fromEntries(Object.entries(CAPABILITIES).map(([name, list]) => [name, (list as readonly ToolContract[]).some((t) => tools.has(t.name))])) as Record<Capability, boolean>;
}

/**
 * What the configured toolsets should offer (a capability's tools name their toolset), so
 * menus are right before the engine first starts; the running engine's tools/list then has
 * the last word.
 */
export function expectedCapabilities(toolsets: readonly string[]): Record<Capability, boolean> {
  return Object.fromEntries(Object.entries(CAPABILITIES).map(([name, list]) => [name, (list as readonly ToolContract[]).some((t) => toolsets.includes(t.toolset))])) as Record<Capability, boolean>;
}
