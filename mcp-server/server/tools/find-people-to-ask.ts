import { z } from 'zod';
import { peopleToAsk } from '../../../shared/recommend/people';
import { plural } from '../../../shared/reports/format';
import { factorLine, factorSchema, factorsOf, recommendRepositoryInput } from '../recommend-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

const input = z.strictObject({
  repository: recommendRepositoryInput,
  path: z.string().min(1).max(1000).optional().describe('A file or folder relative to the repository root, e.g. "src/search" or "README.md" (default: the whole repository).'),
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit is at most 50').default(10).describe('People to return, 1-50.'),
});

const person = z.object({
  rank: z.number(),
  name: z.string(),
  email: z.string(),
  score: z.number(),
  commits: z.number(),
  linesChanged: z.number(),
  files: z.number(),
  lastTouched: z.string(),
  factors: z.array(factorSchema),
});

const output = z.object({ repository: z.string(), path: z.string().nullable(), people: z.array(person) });

export const findPeopleToAskTool = defineTool({
  name: 'find_people_to_ask',
  toolset: 'recommend',
  title: 'Find people to ask',
  description:
    "Who knows a repository, or a file or folder in it, best: ranked from its commit history by ownership (share of changed lines), recency, breadth (files touched) and integration (merges performed), each with its explanation. Bots are left out. " +
    'Needs the repository\'s history: a local clone analysed with analyze_local_repository.',
  input,
  output,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, { catalog, signal, progress, log }) {
    // Resolving names uses the search documents: bring them up to date (no vectors needed).
    await catalog.search.ready({ signal, progress, log }, false);
    const result = peopleToAsk(catalog.store, args.repository, { path: args.path, limit: args.limit });
    const structured = { repository: result.repository, path: result.path, people: result.people.map((p) => ({ ...p, factors: factorsOf(p.factors) })) };
    const where = result.path === null ? 'this repository' : 'this path';
    const headline = structured.people.length === 0 ? `Nobody to ask about ${where}: its history has no commits by people.` : `${plural(structured.people.length, 'person', 'people')} to ask about ${where}, best first:`;
    const rows = [
      `repository ${quote(result.repository)}${result.path === null ? '' : ` path ${quote(result.path)}`}`,
      ...structured.people.map(
        (p) => `${p.rank}. ${quote(p.name)} ${quote(p.email)} score ${p.score.toFixed(3)}, ${plural(p.commits, 'commit')}, last ${p.lastTouched.slice(0, 10)}\n   factors: ${factorLine(p.factors)}`,
      ),
    ];
    return { structured, text: textAnswer(headline, rows) };
  },
});
