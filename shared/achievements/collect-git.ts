import { throwIfAborted } from '../errors';
import { readBlobs } from '../git/cat-file';
import { inspectRepository } from '../git/repository';
import { isoTime } from '../analyses/time';
import type { AchievementRecord, ChangedFile } from '../protocol/achievements';
import { ingestLocalRepository, type Progress } from '../research/ingest-local';
import type { Db, Store } from '../store/open';
import { localRepositoryKey } from '../store/repositories';
import { matchesIdentity, type Identity } from './identity';
import { completeRecord } from './record';
import { dependenciesFromManifest, MANIFEST } from './skills';
import type { TimeWindow } from './time';
import { saveRecords } from './store';

export interface CollectGitOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface CollectGitResult {
  repositories: { path: string; name: string; prs: number; newCommits: number }[];
  /** the person's records in the window, as stored */
  records: AchievementRecord[];
}

interface PrRow {
  number: number;
  title: string;
  source: 'merge' | 'squash';
  merged_at: number | null;
  commit_id: number;
  sha: string;
  subject: string;
  second_parent: string | null;
  author_name: string | null;
  author_email: string | null;
}

/**
 * Collects a person's merged pull requests from local clones: reads each clone's history
 * into the store (incrementally, as `research` does), takes the PRs reconstructed from
 * merge and squash commits whose author is this person, and stores them as records with
 * source 'git'. Git cannot see reviews, comments, labels or when a PR was opened: those
 * stay empty or null rather than guessed.
 */
export async function collectFromGit(store: Store, paths: readonly string[], identity: Identity, window: TimeWindow, options: CollectGitOptions = {}): Promise<CollectGitResult> {
  const result: CollectGitResult = { repositories: [], records: [] };
  for (const [index, inputPath] of paths.entries()) {
    throwIfAborted(options.signal);
    const repo = await inspectRepository(inputPath);
    options.onProgress?.({ done: index, total: paths.length, message: `reading ${repo.name}` });
    const ingest = await ingestLocalRepository(store, repo, { signal: options.signal, onProgress: options.onProgress });
    const bases = pullRequestsOf(store.db, ingest.repoId, repo.name, localRepositoryKey(repo.root), identity, window);
    await attachDependencies(repo.root, bases, options.signal);
    throwIfAborted(options.signal);
    const records = bases.map(completeRecord);
    saveRecords(store.db, records);
    result.records.push(...records);
    result.repositories.push({ path: repo.root, name: repo.name, prs: records.length, newCommits: ingest.newCommits });
  }
  options.onProgress?.({ done: paths.length, total: paths.length, message: 'collected' });
  result.records.sort((a, b) => b.mergedAt.localeCompare(a.mergedAt));
  return result;
}

type Base = Parameters<typeof completeRecord>[0];

function pullRequestsOf(db: Db, repoId: number, name: string, key: string, identity: Identity, window: TimeWindow): Base[] {
  // Match the person against the few hundred people first, not against every PR row.
  const people = db.prepare('select id, name, email from people').all() as { id: number; name: string; email: string }[];
  const ids = people.filter((p) => matchesIdentity(identity, { name: p.name, email: p.email })).map((p) => p.id);
  if (ids.length === 0) return [];
  const mine = db
    .prepare(
      `select pr.number, pr.title, pr.source, pr.merged_at, pr.commit_id, c.sha, c.subject, c.second_parent, p.name as author_name, p.email as author_email
         from pull_requests pr
         join commits c on c.id = pr.commit_id
         join people p on p.id = pr.author_id
        where pr.repo_id = ? and pr.source in ('merge', 'squash') and pr.merged_at is not null
          and pr.merged_at >= ? and pr.merged_at <= ? and pr.author_id in (${ids.map(() => '?').join(', ')})`,
    )
    .all(repoId, toUnix(window.since, 0), toUnix(window.until, 8_640_000_000_000), ...ids) as PrRow[];
  if (mine.length === 0) return [];
  const lineage = mine.some((r) => r.source === 'merge') ? loadLineage(db, repoId) : null;
  const subjectOf = db.prepare('select subject from commits where repo_id = ? and sha = ?');
  const reverts = revertsBySubject(db, repoId);
  const filesOf = db.prepare(
    `select p.path, f.additions, f.deletions from file_changes f join paths p on p.id = f.path_id where f.commit_id = ? order by p.path`,
  );
  return mine.map((row): Base => {
    const files = filesOf.all(row.commit_id) as ChangedFile[];
    const branchTip = row.source === 'merge' ? row.second_parent : null;
    const firstCommit = branchTip && lineage ? earliestBranchCommit(lineage, branchTip) : null;
    const tipSubject = branchTip ? (subjectOf.get(repoId, branchTip) as { subject: string } | undefined)?.subject : undefined;
    return {
      source: 'git',
      repository: name,
      repositoryKey: key,
      number: row.number,
      // a merge commit's title is "Merge pull request #N from …": the branch tip's subject says more
      title: tipSubject ?? row.title,
      url: null,
      sha: row.sha,
      author: { login: null, name: row.author_name, email: row.author_email },
      createdAt: null,
      mergedAt: isoTime(row.merged_at as number),
      firstCommitAt: firstCommit === null ? null : isoTime(firstCommit),
      additions: files.reduce((s, f) => s + (f.additions ?? 0), 0),
      deletions: files.reduce((s, f) => s + (f.deletions ?? 0), 0),
      files,
      labels: [],
      interactions: [],
      closingIssues: [],
      revertedBy: reverts.get(row.subject) ?? null,
      dependencies: [],
    };
  });
}

function toUnix(iso: string | null, fallback: number): number {
  return iso === null ? fallback : Math.floor(Date.parse(iso) / 1000);
}

interface Lineage {
  firstParent: Map<string, string | null>;
  authoredAt: Map<string, number>;
  mainline: Set<string>;
}

function loadLineage(db: Db, repoId: number): Lineage {
  const rows = db.prepare('select sha, first_parent, authored_at from commits where repo_id = ?').all(repoId) as { sha: string; first_parent: string | null; authored_at: number }[];
  const lineage: Lineage = { firstParent: new Map(), authoredAt: new Map(), mainline: new Set() };
  for (const r of rows) {
    lineage.firstParent.set(r.sha, r.first_parent);
    lineage.authoredAt.set(r.sha, r.authored_at);
  }
  const head = (db.prepare('select head_sha from repositories where id = ?').get(repoId) as { head_sha: string | null } | undefined)?.head_sha ?? null;
  for (let sha = head; sha !== null && !lineage.mainline.has(sha); sha = lineage.firstParent.get(sha) ?? null) lineage.mainline.add(sha);
  return lineage;
}

/**
 * The earliest authored time on a merged branch: walk first parents from the branch tip
 * until the main line. An approximation of "the PR's first commit" (a branch that merged
 * main into itself stops early), which is why git-only flow is labelled inferred.
 */
function earliestBranchCommit(lineage: Lineage, tip: string): number | null {
  let earliest: number | null = null;
  let steps = 0;
  for (let sha: string | null = tip; sha !== null && !lineage.mainline.has(sha) && steps < 10_000; sha = lineage.firstParent.get(sha) ?? null, steps += 1) {
    const at = lineage.authoredAt.get(sha);
    if (at === undefined) break;
    earliest = earliest === null ? at : Math.min(earliest, at);
  }
  return earliest;
}

/** Subjects of reverted commits -> the reverting commit ("Revert "<subject>"", git's own wording). */
function revertsBySubject(db: Db, repoId: number): Map<string, string> {
  const rows = db.prepare(`select sha, subject from commits where repo_id = ? and subject like 'Revert "%'`).all(repoId) as { sha: string; subject: string }[];
  const map = new Map<string, string>();
  for (const r of rows) {
    const match = /^Revert "(.*)"(?: \(#\d+\))?$/.exec(r.subject);
    if (match?.[1]) map.set(match[1], `commit ${r.sha.slice(0, 12)}`);
  }
  return map;
}

/** Dependency names of the manifests each PR touched, read at its merge commit in one git process. */
async function attachDependencies(root: string, bases: Base[], signal?: AbortSignal): Promise<void> {
  const specs = new Map<string, { base: Base; path: string }[]>();
  for (const base of bases) {
    for (const f of base.files) {
      if (!MANIFEST.test(f.path) || base.sha === null) continue;
      const spec = `${base.sha}:${f.path}`;
      specs.set(spec, [...(specs.get(spec) ?? []), { base, path: f.path }]);
    }
  }
  const blobs = await readBlobs(root, [...specs.keys()], signal);
  for (const [spec, owners] of specs) {
    const text = blobs.get(spec);
    if (text == null) continue;
    for (const { base, path } of owners) base.dependencies = [...new Set([...base.dependencies, ...dependenciesFromManifest(path, text)])];
  }
}
