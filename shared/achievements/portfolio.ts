import type { AchievementRecord, Portfolio, PrClass, RecordSource } from '../protocol/achievements';
import { PR_CLASSES } from '../protocol/achievements';
import { FLOW_BENCHMARK, flowByQuarter } from './flow';
import { identityValues, type Identity } from './identity';
import { highlightReason } from './highlights';
import { recordRef } from './record';
import type { ReviewGiven } from './store';
import { skillsFrom } from './skills';
import { executiveSummary } from './summary';
import { monthOf, quarterOf, type TimeWindow } from './time';
import { titleWords } from './classify/features';

const HIGHLIGHTS = 5;
const THEME_STOP = new Set(['add', 'fix', 'updat', 'remov', 'support', 'use', 'mak', 'allow', 'chor', 'when', 'not', 'don', 'codespan', 'the', 'for', 'and', 'with', 'from', 'into', 'to', 'in', 'of', 'on', 'an', 'is', 'be', 'as', 'by']);

/**
 * The portfolio: every section computed from the records alone, deterministically (same
 * records, same portfolio, except `generatedAt`), each claim traceable to the PRs behind it.
 */
export function buildPortfolio(
  identity: Identity,
  window: TimeWindow,
  records: readonly AchievementRecord[],
  /** reviewsGiven: others' PRs the person reviewed; null or absent when not collected from GitHub */
  options: { now?: Date; notices?: string[]; reviewsGiven?: readonly ReviewGiven[] | null } = {},
): Portfolio {
  const now = options.now ?? new Date();
  const sources = [...new Set(records.map((r) => r.source))].sort() as RecordSource[];
  const byImpact = [...records].sort((a, b) => b.impact.score - a.impact.score || b.mergedAt.localeCompare(a.mergedAt));
  const totalImpact = round(records.reduce((s, r) => s + r.impact.score, 0));
  const classMix = PR_CLASSES.map((cls) => ({ class: cls, prs: records.filter((r) => r.classification.class === cls).length }))
    .filter((c) => c.prs > 0)
    .map((c) => ({ ...c, share: round(c.prs / records.length, 3) }))
    .sort((a, b) => b.prs - a.prs);
  const repositories = [...group(records, (r) => r.repository)]
    .map(([repository, prs]) => ({ repository, prs: prs.length, impact: round(prs.reduce((s, r) => s + r.impact.score, 0)) }))
    .sort((a, b) => b.impact - a.impact || a.repository.localeCompare(b.repository));
  const notices = [...(options.notices ?? [])];
  if (records.length === 0) notices.push(`No merged pull requests by ${identity.who} in this window; check the name (aliases add the person's other e-mails and logins) or widen the window.`);
  if (sources.includes('git')) notices.push('Records from git are reconstructed from merge and squash commits: reviews, labels and linked issues are not visible there, and branch lifetime (first commit to merge) is inferred.');
  const portfolio: Portfolio = {
    who: identity.who,
    identities: identityValues(identity),
    window: { since: window.since, until: window.until },
    generatedAt: now.toISOString(),
    sources,
    totals: {
      prs: records.length,
      repositories: repositories.length,
      additions: records.reduce((s, r) => s + r.additions, 0),
      deletions: records.reduce((s, r) => s + r.deletions, 0),
      impact: totalImpact,
    },
    summary: '',
    prose: null,
    notices,
    highlights: byImpact.slice(0, HIGHLIGHTS).map((r) => ({
      ref: recordRef(r),
      title: r.title,
      url: r.url,
      mergedAt: r.mergedAt,
      class: r.classification.class,
      impact: r.impact.score,
      reason: highlightReason(r),
    })),
    classMix,
    themes: themesByQuarter(records),
    impactOverTime: [...group(records, (r) => monthOf(r.mergedAt))]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, prs]) => ({ month, prs: prs.length, impact: round(prs.reduce((s, r) => s + r.impact.score, 0)) })),
    skills: skillsFrom(records, window.until ?? now.toISOString()).slice(0, 25),
    flow: { quarters: flowByQuarter(records), benchmark: FLOW_BENCHMARK },
    collaboration: collaboration(identity, records, options.reviewsGiven ?? null),
    repositories,
    pullRequests: records.map((r) => ({
      ref: recordRef(r),
      title: r.title,
      url: r.url,
      mergedAt: r.mergedAt,
      class: r.classification.class,
      rule: r.classification.rule,
      impact: r.impact.score,
      source: r.source,
    })),
  };
  portfolio.summary = executiveSummary(portfolio);
  return portfolio;
}

function themesByQuarter(records: readonly AchievementRecord[]): Portfolio['themes'] {
  return [...group(records, (r) => quarterOf(r.mergedAt))]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([quarter, prs]) => {
      const classes = [...group(prs, (r) => r.classification.class)].sort((a, b) => b[1].length - a[1].length).slice(0, 3).map(([c]) => c as PrClass);
      // themes: the title words and source areas that carry the most impact this quarter
      const weight = new Map<string, number>();
      for (const pr of prs) {
        const seen = new Set<string>();
        for (const w of titleWords(pr.title)) if (w.length > 3 && !THEME_STOP.has(w)) seen.add(w);
        for (const f of pr.files) {
          const dir = f.path.split('/').slice(0, -1).slice(-1)[0];
          if (dir && !['src', 'lib', 'test', 'tests', 'docs', '.github', 'workflows'].includes(dir)) seen.add(dir.toLowerCase());
        }
        for (const w of seen) weight.set(w, (weight.get(w) ?? 0) + Math.max(1, pr.impact.score));
      }
      const themes = [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4).map(([w]) => w);
      return { quarter, prs: prs.length, impact: round(prs.reduce((s, r) => s + r.impact.score, 0)), topClasses: classes, themes };
    });
}

const REVIEWED_PEOPLE = 15;
const REVIEWED_LINKS = 5;

/**
 * Who reviewed the person's work (from the records' reviews) and whose work they reviewed
 * (from GitHub's reviewed-by search), bots left out of both. Git sees neither, and the
 * note says so rather than showing an empty list as if nobody had.
 */
function collaboration(identity: Identity, records: readonly AchievementRecord[], reviewsGiven: readonly ReviewGiven[] | null): Portfolio['collaboration'] {
  const counts = new Map<string, number>();
  for (const pr of records) {
    const author = (pr.author.login ?? '').toLowerCase();
    for (const i of pr.interactions) if (i.kind === 'review' && !i.isBot && i.login.toLowerCase() !== author) counts.set(i.login, (counts.get(i.login) ?? 0) + 1);
  }
  const reviewedBy = [...counts].map(([login, reviews]) => ({ login, reviews })).sort((a, b) => b.reviews - a.reviews || a.login.localeCompare(b.login)).slice(0, 15);
  const given = (reviewsGiven ?? []).filter((r) => r.authorLogin !== null && !identity.logins.has(r.authorLogin.toLowerCase()));
  const human = given.filter((r) => !r.authorIsBot);
  const reviewed = [...group(human, (r) => r.authorLogin!)]
    .map(([login, prs]) => {
      const recent = [...prs].sort((a, b) => b.mergedAt.localeCompare(a.mergedAt) || a.repository.localeCompare(b.repository) || a.number - b.number);
      return {
        login,
        prs: prs.length,
        reviews: prs.reduce((s, r) => s + r.reviews, 0),
        pullRequests: recent.slice(0, REVIEWED_LINKS).map((r) => ({ ref: recordRef(r), title: r.title, url: r.url })),
      };
    })
    .sort((a, b) => b.prs - a.prs || b.reviews - a.reviews || a.login.localeCompare(b.login));
  const notes: string[] = [];
  const gitOnly = records.length > 0 && records.every((r) => r.source === 'git');
  if (reviewsGiven === null) {
    if (gitOnly) notes.push('git records no reviews: who reviewed this work, and whose work this person reviewed, cannot be known from git; collect from GitHub (an owner, repositories or all of GitHub) to see both.');
    else if (records.length > 0) notes.push('Whose work this person reviewed was not collected: it comes from GitHub (an owner, repositories or all of GitHub).');
  } else {
    if (gitOnly) notes.push('git records no reviews: who reviewed this work cannot be known from git; whose work this person reviewed comes from GitHub.');
    if (human.length === 0) notes.push(`GitHub shows no merged pull requests by others that ${identity.who} reviewed in this window.`);
    const bots = given.length - human.length;
    if (bots > 0) notes.push(`${bots} reviewed pull request${bots === 1 ? '' : 's'} by bots (dependency updates and the like) left out.`);
    if (reviewed.length > REVIEWED_PEOPLE) notes.push(`${reviewed.length - REVIEWED_PEOPLE} more people whose work was reviewed are left out of the list.`);
  }
  return {
    reviewedBy,
    reviewed: reviewed.slice(0, REVIEWED_PEOPLE),
    reviewedTotals: reviewsGiven === null ? null : { prs: human.length, people: reviewed.length },
    note: notes.length > 0 ? notes.join(' ') : null,
  };
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
