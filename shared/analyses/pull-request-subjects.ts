/** A pull request recognised from a commit subject. */
export interface PullRequestSubject {
  number: number;
  source: 'merge' | 'squash';
  title: string;
  /** "owner/branch" of a GitHub merge commit, when the subject names it. */
  headRef: string | null;
}

// GitHub's merge button: "Merge pull request #123 from owner/branch".
const MERGE = /^Merge pull request #(\d{1,9}) from (\S+)/;
// GitHub's squash (and rebase-with-PR-suffix) convention: "Title (#123)".
const SQUASH = /^(.*\S)\s+\(#(\d{1,9})\)$/;

/**
 * Recognises a merged pull request from a commit subject. Merge subjects only count
 * on merge commits and squash subjects only on single-parent commits, so a merge of
 * a branch that happens to end in "(#12)" is not counted twice.
 */
export function parsePullRequestSubject(subject: string, parentCount: number): PullRequestSubject | null {
  if (parentCount > 1) {
    const merge = MERGE.exec(subject);
    if (!merge) return null;
    return { number: Number(merge[1]), source: 'merge', title: subject, headRef: merge[2] ?? null };
  }
  const squash = SQUASH.exec(subject.trim());
  if (!squash || /^Revert\b/.test(subject)) return null;
  return { number: Number(squash[2]), source: 'squash', title: squash[1] ?? subject, headRef: null };
}
