import { languageOf } from '../analyses/languages';
import { RepoScoutError } from '../errors';
import { parseTopics, type SearchDocumentRow } from '../search/documents';
import type { RecommendForDeveloperResult } from '../protocol/tools/recommend-for-developer';
import type { Db } from '../store/open';

/**
 * recommend_for_developer's profile record (shared/protocol/tools/recommend-for-developer.ts):
 * repositories with the developer's non-merge commits there, languages of the files they
 * changed by share of changed lines (top 8), topics of the repositories they contributed to;
 * plus `text`, what the profile is embedded and searched from: PR titles, commit subjects,
 * repository descriptions.
 */
export type DeveloperProfile = RecommendForDeveloperResult['profile'] & { text: string };

interface PersonRow {
  id: number;
  name: string;
  email: string;
}

/**
 * Finds a developer by e-mail, by name, or by GitHub login (matched against
 * noreply addresses and e-mail local parts). Ambiguous or unknown is an error that
 * says who exists.
 */
export function resolvePerson(db: Db, who: string): PersonRow {
  const input = who.trim();
  if (input === '') throw new RepoScoutError('INVALID_INPUT', 'The person is empty; give an e-mail address, a name, or a GitHub login.');
  const byEmail = db.prepare('select id, name, email from people where email = lower(?) and is_bot = 0').get(input) as PersonRow | undefined;
  if (byEmail) return byEmail;
  const login = input.replace(/^@/, '').toLowerCase();
  const candidates = db
    .prepare(
      `select id, name, email from people where is_bot = 0 and (
         lower(name) = lower(@input)
         or email like '%+' || @login || '@users.noreply.github.com'
         or email = @login || '@users.noreply.github.com'
         or substr(email, 1, instr(email, '@') - 1) = @login)`,
    )
    .all({ input, login }) as PersonRow[];
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    throw new RepoScoutError('INVALID_INPUT', `"${input}" matches ${candidates.length} people (${candidates.slice(0, 5).map((p) => p.email).join(', ')}); give the e-mail address.`);
  }
  const like = db
    .prepare(`select email from people where is_bot = 0 and (lower(name) like lower(@q) or email like lower(@q)) limit 3`)
    .all({ q: `%${login.slice(0, 32)}%` }) as { email: string }[];
  throw new RepoScoutError(
    'PERSON_NOT_FOUND',
    `No person "${input}" in the commit history of the stored repositories${like.length ? `; did you mean ${like.map((l) => l.email).join(', ')}?` : '.'}`,
    { remedy: { do: 'add_repository' } },
  );
}

/** A developer's profile from their commits and reconstructed PRs in every stored repository. */
export function buildProfile(db: Db, who: string): DeveloperProfile {
  const person = resolvePerson(db, who);
  const repositories = db
    .prepare(
      `select r.key, count(*) as commits from commits c join repositories r on r.id = c.repo_id
       where c.author_id = ? and c.parent_count <= 1 group by r.id order by commits desc`,
    )
    .all(person.id) as { key: string; commits: number }[];
  const byLanguage = new Map<string, number>();
  for (const row of db
    .prepare(
      `select pa.path, sum(coalesce(fc.additions, 0) + coalesce(fc.deletions, 0)) as churn
       from commits c join file_changes fc on fc.commit_id = c.id join paths pa on pa.id = fc.path_id
       where c.author_id = ? and c.parent_count <= 1 group by pa.id`,
    )
    .iterate(person.id) as Iterable<{ path: string; churn: number }>) {
    const language = languageOf(row.path);
    if (language) byLanguage.set(language, (byLanguage.get(language) ?? 0) + Math.max(1, row.churn));
  }
  const totalChurn = [...byLanguage.values()].reduce((a, b) => a + b, 0);
  const languages = [...byLanguage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([language, churn]) => ({ language, share: Math.round((churn / totalChurn) * 1000) / 1000 }));
  const doc = db.prepare(`select * from search_documents where kind = 'repository' and ref_key = ?`);
  const repoDocs = repositories.map((r) => doc.get(r.key) as SearchDocumentRow | undefined).filter((d): d is SearchDocumentRow => d !== undefined);
  const topics = [...new Set(repoDocs.flatMap((d) => parseTopics(d).map((t) => t.toLowerCase())))];
  const prTitles = (db.prepare('select title from pull_requests where author_id = ? order by merged_at desc limit 100').all(person.id) as { title: string }[]).map((r) => r.title);
  const subjects = (
    db.prepare('select subject from commits where author_id = ? and parent_count <= 1 order by authored_at desc limit 200').all(person.id) as { subject: string }[]
  ).map((r) => r.subject);
  const text = [
    languages.map((l) => l.language).join(' '),
    topics.join(' '),
    ...repoDocs.map((d) => `${d.title} ${d.body.slice(0, 300)}`),
    ...prTitles,
    ...subjects,
  ]
    .filter((s) => s.trim() !== '')
    .join('\n');
  return {
    name: person.name,
    email: person.email,
    commits: repositories.reduce((s, r) => s + r.commits, 0),
    pullRequests: prTitles.length,
    repositories,
    languages,
    topics,
    text,
  };
}
