import { z } from 'zod';
import type { CatalogEntry } from '../catalog';
import { comparePositions, type CursorPosition, pageOf } from '../cursor';
import { identityOf, primaryLanguage } from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { listRepositoriesContract, type ListRepositoriesResult } from '../../../shared/protocol/tools/list-repositories';

const DAY_MS = 86_400_000;
// A language "is in" a repository when it is at least this share of the classified bytes.
const LANGUAGE_SHARE = 0.1;

type Args = z.output<typeof listRepositoriesContract.input>;
type Output = ListRepositoriesResult;
type Item = Output['repositories'][number];

export const listRepositoriesTool = defineTool({
  ...listRepositoriesContract,
  run(args, { catalog, enabledTools }) {
    const now = Date.now();
    const entries = catalog.entries();
    const matching = entries.filter((entry) => matches(entry, args, now)).map(toItem);
    const position = positionFor(args.sort);
    matching.sort((a, b) => comparePositions(position(a), position(b)));
    const query = { owner: args.owner, language: args.language, minHealth: args.minHealth, activeWithinDays: args.activeWithinDays, source: args.source, sort: args.sort };
    const { page, nextCursor } = pageOf(matching, position, { tool: 'list_repositories', query, cursor: args.cursor, limit: args.limit });
    const structured = { repositories: page, total: matching.length, nextCursor };
    const rows = page.map(
      (r) =>
        `${quote(r.key)} name ${quote(r.name)} ${r.health === null ? 'not analysed' : `health ${r.health} (${r.grade})`}` +
        `${r.primaryLanguage ? ` language ${quote(r.primaryLanguage)}` : ''}${r.lastCommitAt ? ` last commit ${r.lastCommitAt.slice(0, 10)}` : ''}`,
    );
    const headline = matching.length === 0
      ? 'No stored repository matches these filters.' + (entries.length === 0 ? ` The database is empty${howToFill(enabledTools)}.` : '')
      : `${page.length} of ${matching.length} matching repositories, sorted by ${args.sort}:`;
    return { structured, text: textAnswer(headline, rows, nextCursor ? [`More: call again with cursor ${JSON.stringify(nextCursor)}.`] : []) };
  },
});

function howToFill(tools: ReadonlySet<string>): string {
  const ways = [
    tools.has('analyze_local_repository') ? 'analyse a local clone with analyze_local_repository' : null,
    tools.has('ingest_github') ? 'ingest a GitHub owner or repository with ingest_github' : null,
  ].filter((w) => w !== null);
  return ways.length > 0 ? `: ${ways.join(', or ')}` : '';
}

function matches({ row, research }: CatalogEntry, args: Args, now: number): boolean {
  if (args.owner !== undefined && row.owner?.toLowerCase() !== args.owner.toLowerCase()) return false;
  if (args.source !== undefined && row.source !== args.source) return false;
  const needsResearch = args.language !== undefined || args.minHealth !== undefined || args.activeWithinDays !== undefined;
  if (!needsResearch) return true;
  if (!research) return false;
  if (args.minHealth !== undefined && research.health.score < args.minHealth) return false;
  if (args.language !== undefined) {
    const wanted = args.language.toLowerCase();
    if (!research.languages.some((l) => l.language.toLowerCase() === wanted && l.share >= LANGUAGE_SHARE)) return false;
  }
  if (args.activeWithinDays !== undefined) {
    const last = Date.parse(research.activity.lastCommitAt);
    if (!Number.isFinite(last) || now - last > args.activeWithinDays * DAY_MS) return false;
  }
  return true;
}

function toItem({ row, research }: CatalogEntry): Item {
  return {
    ...identityOf(row),
    researched: research !== null,
    health: research?.health.score ?? null,
    grade: research?.health.grade ?? null,
    primaryLanguage: research ? primaryLanguage(research) : null,
    lastCommitAt: research?.activity.lastCommitAt ?? null,
    analyzedAt: research?.repository.analyzedAt ?? null,
  };
}

/** Ascending sort keys ending in the unique key, so pages never skip or repeat an item. */
function positionFor(sort: Args['sort']): (item: Item) => CursorPosition {
  switch (sort) {
    case 'name':
      return (r) => [r.name.toLowerCase(), r.key];
    case 'last_commit':
      return (r) => [-(Date.parse(r.lastCommitAt ?? '') || -1), r.key];
    case 'health':
      return (r) => [r.health === null ? 1 : -r.health, r.key];
  }
}
