import type { RepositoryItem } from '../engine/research';

// The Repositories view as plain data: built from list_repositories items, rendered by the
// VS Code provider. Kept free of `vscode` so it is tested without an editor.

export type HealthBand = 'good' | 'fair' | 'weak' | 'poor' | 'unknown';

export interface OwnerNode {
  kind: 'owner';
  id: string;
  /** GitHub owner, or null for local clones. */
  owner: string | null;
  label: string;
  description: string;
  tooltip: string;
  contextValue: 'owner' | 'owner.local';
  children: RepositoryNode[];
}

export interface RepositoryNode {
  kind: 'repository';
  id: string;
  item: RepositoryItem;
  label: string;
  description: string;
  tooltip: string;
  band: HealthBand;
  /** Two characters at most: the grade letter, shown as a badge. */
  badge: string;
  contextValue: string;
  children: FactNode[];
}

export interface FactNode {
  kind: 'fact';
  id: string;
  label: string;
  description: string;
  icon: string;
  repositoryKey: string;
}

export type TreeNode = OwnerNode | RepositoryNode | FactNode;

export const LOCAL_GROUP = 'Local clones';

/** Health score to band, on the engine's grade cut points: A (80+) good, B (65+) fair, C (50+) weak, D and F poor. */
export function healthBand(score: number | null): HealthBand {
  if (score === null) return 'unknown';
  if (score >= 80) return 'good';
  if (score >= 65) return 'fair';
  if (score >= 50) return 'weak';
  return 'poor';
}

/** Groups repositories by owner (GitHub owners A-Z, then local clones), each group sorted by name. */
export function buildRepositoryTree(items: readonly RepositoryItem[], now: number = Date.now()): OwnerNode[] {
  const groups = new Map<string, RepositoryItem[]>();
  for (const item of items) {
    const group = item.source === 'local' || item.owner === null ? LOCAL_GROUP : item.owner;
    const list = groups.get(group) ?? [];
    list.push(item);
    groups.set(group, list);
  }
  const names = [...groups.keys()].sort((a, b) => {
    if (a === LOCAL_GROUP) return 1;
    if (b === LOCAL_GROUP) return -1;
    return a.localeCompare(b, undefined, { sensitivity: 'base' });
  });
  return names.map((name) => {
    const members = (groups.get(name) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.key.localeCompare(b.key));
    const local = name === LOCAL_GROUP;
    const scores = members.map((m) => m.health).filter((h): h is number => h !== null);
    const average = scores.length > 0 ? Math.round(scores.reduce((s, h) => s + h, 0) / scores.length) : null;
    const count = `${members.length} ${members.length === 1 ? 'repository' : 'repositories'}`;
    return {
      kind: 'owner' as const,
      id: `owner:${local ? '' : name.toLowerCase()}`,
      owner: local ? null : name,
      label: name,
      description: average === null ? count : `${count} · avg health ${average}`,
      tooltip: local ? `Local git clones analysed offline (${count}).` : `GitHub owner ${name} (${count}).`,
      contextValue: local ? ('owner.local' as const) : ('owner' as const),
      children: members.map((m) => repositoryNode(m, now)),
    };
  });
}

function repositoryNode(item: RepositoryItem, now: number): RepositoryNode {
  const band = healthBand(item.health);
  const parts: string[] = [];
  if (item.health !== null) parts.push(`${item.health}`);
  else parts.push(item.researched ? 'no score' : 'not analysed');
  if (item.primaryLanguage) parts.push(item.primaryLanguage);
  if (item.lastCommitAt) parts.push(relativeTime(item.lastCommitAt, now));
  const state = item.researched ? 'researched' : 'pending';
  const tooltipLines = [
    item.owner ? `${item.owner}/${item.name}` : item.name,
    item.health !== null ? `Health ${item.health}/100 (grade ${item.grade ?? '?'})` : 'Not analysed to the end yet',
    item.primaryLanguage ? `Main language: ${item.primaryLanguage}` : null,
    item.lastCommitAt ? `Last commit: ${item.lastCommitAt.slice(0, 10)} (${relativeTime(item.lastCommitAt, now)})` : null,
    item.analyzedAt ? `Analysed: ${item.analyzedAt.slice(0, 16).replace('T', ' ')}` : null,
    item.path ? `Folder: ${item.path}` : null,
    `Key: ${item.key}`,
  ].filter((l): l is string => l !== null);
  const children: FactNode[] = [];
  const fact = (id: string, label: string, description: string, icon: string) =>
    children.push({ kind: 'fact', id: `${item.key}#${id}`, label, description, icon, repositoryKey: item.key });
  if (item.health !== null) fact('health', 'Health', `${item.health}/100 · grade ${item.grade ?? '?'}`, 'pulse');
  if (item.primaryLanguage) fact('language', 'Main language', item.primaryLanguage, 'code');
  if (item.lastCommitAt) fact('last-commit', 'Last commit', `${item.lastCommitAt.slice(0, 10)} · ${relativeTime(item.lastCommitAt, now)}`, 'git-commit');
  if (item.analyzedAt) fact('analysed', 'Analysed', relativeTime(item.analyzedAt, now), 'history');
  if (item.path) fact('path', 'Folder', item.path, 'folder');
  return {
    kind: 'repository',
    id: `repo:${item.key}`,
    item,
    label: item.name,
    description: parts.join(' · '),
    tooltip: tooltipLines.join('\n'),
    band,
    badge: item.grade ?? '',
    contextValue: `repository.${state}.${item.source}`,
    children,
  };
}

/** "today", "3 days ago", "5 months ago", "2 years ago". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return 'unknown date';
  const days = Math.floor((now - then) / 86_400_000);
  if (days < 0) return 'in the future';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  const months = Math.floor(days / 30.44);
  if (months < 12) return `${months} ${months === 1 ? 'month' : 'months'} ago`;
  const years = Math.floor(days / 365.25);
  return `${years} ${years === 1 ? 'year' : 'years'} ago`;
}
