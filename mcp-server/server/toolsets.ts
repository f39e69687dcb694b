import { RepoScoutError } from '../../shared/errors';

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

/**
 * Parses a `--toolsets` value ("research,memory", "all", or "default") into toolset ids.
 * Unknown names are refused with the list of known ones; an empty list is refused too.
 */
export function parseToolsets(value: string | undefined): ToolsetId[] {
  if (value === undefined) return [...defaultToolsets];
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length === 0) {
    throw new RepoScoutError('INVALID_INPUT', `--toolsets needs at least one name; choose from ${toolsetIds.join(', ')}, or "all".`);
  }
  const chosen = new Set<ToolsetId>();
  for (const name of names) {
    if (name === 'all') toolsetIds.forEach((id) => chosen.add(id));
    else if (name === 'default') defaultToolsets.forEach((id) => chosen.add(id));
    else if (isToolsetId(name)) chosen.add(name);
    else {
      throw new RepoScoutError('INVALID_INPUT', `Unknown toolset "${name}" in --toolsets; choose from ${toolsetIds.join(', ')}, or "all" or "default".`);
    }
  }
  return toolsetIds.filter((id) => chosen.has(id));
}

function isToolsetId(name: string): name is ToolsetId {
  return (toolsetIds as readonly string[]).includes(name);
}
