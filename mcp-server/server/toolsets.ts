import { RepoScoutError } from '../../shared/errors';
import { defaultToolsets, isToolsetId, toolsetIds, type ToolsetId } from '../../shared/protocol/toolsets';

export { defaultToolsets, toolsetIds, toolsets, type ToolsetId } from '../../shared/protocol/toolsets';

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
