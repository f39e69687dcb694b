import { z } from 'zod';

const issueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1).max(1_000),
  body: z.string().max(100_000).nullish(),
  labels: z.array(z.string().max(200)).max(100).default([]),
  state: z.enum(['open', 'closed']).default('open'),
  url: z.string().max(2_000).nullish(),
  updatedAt: z.string().max(40).nullish(),
});

/**
 * One repository as `reposcout export` writes it and `reposcout import` reads it, one JSON
 * object per line. Import also accepts GitHub-style `full_name` and `html_url`, and
 * ignores fields it does not know (such as an evaluation label).
 */
export const repositoryRecordSchema = z
  .object({
    key: z.string().regex(/^(github:[^/\s]+\/[^/\s]+|local:.+)$/, 'key must look like github:<owner>/<name> or local:<path>').optional(),
    full_name: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'full_name must look like owner/name').optional(),
    source: z.enum(['github', 'local']).optional(),
    owner: z.string().max(200).nullish(),
    name: z.string().min(1).max(200).optional(),
    path: z.string().max(4_000).nullish(),
    description: z.string().max(20_000).nullish(),
    readme: z.string().max(100_000).nullish(),
    url: z.string().max(2_000).nullish(),
    html_url: z.string().max(2_000).nullish(),
    language: z.string().max(100).nullish(),
    topics: z.array(z.string().max(100)).max(200).default([]),
    stars: z.number().int().min(0).nullish(),
    health: z.number().min(0).max(100).nullish(),
    updatedAt: z.string().max(40).nullish(),
    issues: z.array(issueSchema).max(10_000).default([]),
  })
  .transform((r, ctx) => {
    const url = r.url ?? r.html_url ?? null;
    const fromUrl = url ? /^https?:\/\/(?:www\.)?github\.com\/([^/\s]+)\/([^/\s#?]+?)(?:\.git)?\/?$/i.exec(url) : null;
    const key = r.key ?? (r.full_name ? `github:${r.full_name}` : r.owner && r.name ? `github:${r.owner}/${r.name}` : fromUrl ? `github:${fromUrl[1]}/${fromUrl[2]}` : null);
    if (!key) {
      ctx.addIssue({ code: 'custom', message: 'a record needs key, full_name, owner + name, or a GitHub url' });
      return z.NEVER;
    }
    const source = key.startsWith('github:') ? 'github' : 'local';
    const slug = source === 'github' ? key.slice('github:'.length) : null;
    const [owner, name] = slug ? (slug.split('/') as [string, string]) : [r.owner ?? null, r.name ?? key.split(/[\\/]/).pop() ?? key];
    return {
      key,
      source,
      owner: owner ?? null,
      name: r.name && source === 'local' ? r.name : name,
      path: source === 'local' ? (r.path ?? key.slice('local:'.length)) : null,
      description: r.description ?? null,
      readme: r.readme ?? null,
      url: url ?? (slug ? `https://github.com/${slug}` : null),
      language: r.language ?? null,
      topics: r.topics,
      stars: r.stars ?? null,
      health: r.health ?? null,
      updatedAt: r.updatedAt ?? null,
      issues: r.issues.map((i) => ({ ...i, body: i.body ?? null, url: i.url ?? null, updatedAt: i.updatedAt ?? null })),
    } satisfies RepositoryRecord;
  });

export interface RepositoryRecord {
  key: string;
  source: 'github' | 'local';
  owner: string | null;
  name: string;
  path: string | null;
  description: string | null;
  /** README text (or its opening) when known; searched, not shown. */
  readme: string | null;
  url: string | null;
  language: string | null;
  topics: string[];
  stars: number | null;
  /** 0..100 from RepoScout's health score, when researched. */
  health: number | null;
  updatedAt: string | null;
  issues: IssueRecord[];
}

export interface IssueRecord {
  number: number;
  title: string;
  body: string | null;
  labels: string[];
  state: 'open' | 'closed';
  url: string | null;
  updatedAt: string | null;
}
