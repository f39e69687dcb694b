import type { EngineClient } from './client';

// Which engine capability each view and command needs, as data: a capability is available
// when the running engine serves one of its tools (the toolsets setting or --read-only can
// leave some out). Views and menus switch on and off with these, through context keys.
export const CAPABILITIES = {
  research: ['analyze_local_repository', 'list_repositories'],
  ingest: ['ingest_github'],
  organization: ['get_organization'],
  search: ['search'],
  similar: ['find_similar_repositories'],
  people: ['find_people_to_ask'],
  memory: ['list_memories'],
} as const;

export type Capability = keyof typeof CAPABILITIES;

/** The tool that provides `capability` on this engine, or null. */
export function toolFor(engine: Pick<EngineClient, 'has'>, capability: Capability): string | null {
  return CAPABILITIES[capability].find((tool) => engine.has(tool)) ?? null;
}

export function availableCapabilities(tools: ReadonlySet<string>): Record<Capability, boolean> {
  return Object.fromEntries(Object.entries(CAPABILITIES).map(([name, list]) => [name, list.some((t) => tools.has(t))])) as Record<Capability, boolean>;
}

// The toolset that serves each capability, so menus are right before the engine first starts.
const TOOLSET_OF: Record<Capability, string> = {
  research: 'research',
  ingest: 'research',
  organization: 'research',
  search: 'recommend',
  similar: 'recommend',
  people: 'recommend',
  memory: 'memory',
};

/** What the configured toolsets should offer; the running engine's tools/list then has the last word. */
export function expectedCapabilities(toolsets: readonly string[]): Record<Capability, boolean> {
  return Object.fromEntries(Object.entries(TOOLSET_OF).map(([name, toolset]) => [name, toolsets.includes(toolset)])) as Record<Capability, boolean>;
}
