/**
 * RepoScout's capabilities as toolsets. A tool names its toolset; `--toolsets` picks which
 * are served. A toolset can be empty until its engine capability exists: naming it is then
 * accepted and simply adds no tools.
 */
export const toolsets = [
  { id: 'research', description: 'Analyse local clones and GitHub organizations and read their stored research: health, contributors, bus factor, hotspots, pull requests, collaboration network, topics, citations.', enabledByDefault: true },
  { id: 'achievements', description: "A developer's merged pull requests as a classified, scored portfolio.", enabledByDefault: true },
  { id: 'recommend', description: 'Similar repositories, contributions and people to ask, with per-factor explanations.', enabledByDefault: true },
  // Off unless asked for: its tools will run worker processes on this machine.
  { id: 'orchestrate', description: 'Split a task and run parallel workers in git worktrees, with a safety judge.', enabledByDefault: false },
  { id: 'memory', description: 'Remember, recall, link and forget knowledge for agents and people.', enabledByDefault: true },
] as const;

export type ToolsetId = (typeof toolsets)[number]['id'];

export const toolsetIds: readonly ToolsetId[] = toolsets.map((t) => t.id);

export const defaultToolsets: readonly ToolsetId[] = toolsets.filter((t) => t.enabledByDefault).map((t) => t.id);

export function isToolsetId(name: string): name is ToolsetId {
  return (toolsetIds as readonly string[]).includes(name);
}
