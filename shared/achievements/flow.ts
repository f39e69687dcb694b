import type { AchievementRecord, Portfolio, RecordSource } from '../protocol/achievements';
import { quarterOf } from './time';

type FlowQuarter = Portfolio['flow']['quarters'][number];
type Stats = { n: number; medianHours: number | null; p75Hours: number | null };

/**
 * Context bands from a published benchmark, quoted, not computed: LinearB Engineering
 * Benchmarks, 2022 edition (1,971 teams, 847k branches), team averages in hours.
 */
export const FLOW_BENCHMARK =
  'LinearB Engineering Benchmarks (2022 edition, 1,971 teams / 847k branches; team averages, for context only): ' +
  'cycle time elite < 48 h, strong 49–118, fair 119–209; coding time < 12 / 12–24 / 24–38; pickup time < 7 / 7–12 / 12–18; ' +
  'review time < 6 / 6–13 / 13–28; PR size < 225 / 225–400 / 400–800 lines.';

const HOUR = 3_600_000;
const hoursBetween = (from: string | null, to: string | null) => (from === null || to === null ? null : (Date.parse(to) - Date.parse(from)) / HOUR);

/**
 * Apache DevLake's definitions, per PR:
 *   coding time = created − authored time of the earliest commit
 *   pickup time = first review or comment by someone other than the author (bots excluded) − created
 *   review time = merged − that first review
 *   cycle time  = coding time + (merged − created)
 * A negative duration (clock skew, a commit authored after the PR opened) is dropped, not clamped.
 */
export function prFlow(pr: AchievementRecord): { coding: number | null; pickup: number | null; review: number | null; cycle: number | null; branchLifetime: number | null } {
  const valid = (h: number | null) => (h !== null && h >= 0 ? h : null);
  if (pr.source === 'git') {
    // git cannot see when a PR was opened or reviewed: only first commit → merge, inferred
    return { coding: null, pickup: null, review: null, cycle: null, branchLifetime: valid(hoursBetween(pr.firstCommitAt, pr.mergedAt)) };
  }
  const author = (pr.author.login ?? '').toLowerCase();
  const firstResponse = pr.interactions
    .filter((i) => !i.isBot && i.login.toLowerCase() !== author)
    .map((i) => i.at)
    .sort()[0] ?? null;
  const coding = valid(hoursBetween(pr.firstCommitAt, pr.createdAt));
  const open = valid(hoursBetween(pr.createdAt, pr.mergedAt));
  return {
    coding,
    pickup: valid(hoursBetween(pr.createdAt, firstResponse)),
    review: valid(hoursBetween(firstResponse, pr.mergedAt)),
    cycle: coding === null || open === null ? null : coding + open,
    branchLifetime: valid(hoursBetween(pr.firstCommitAt, pr.mergedAt)),
  };
}

/** Medians and p75 per quarter and source (GitHub and git data are never mixed in one figure). */
export function flowByQuarter(records: readonly AchievementRecord[]): FlowQuarter[] {
  const groups = new Map<string, AchievementRecord[]>();
  for (const r of records) {
    const key = `${quarterOf(r.mergedAt)}|${r.source}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, prs]) => {
      const [quarter, source] = key.split('|') as [string, RecordSource];
      const flows = prs.map(prFlow);
      const sizes = prs.map((p) => p.additions + p.deletions);
      const git = source === 'git';
      return {
        quarter,
        prs: prs.length,
        source,
        codingTime: git ? null : stats(flows.map((f) => f.coding)),
        pickupTime: git ? null : stats(flows.map((f) => f.pickup)),
        reviewTime: git ? null : stats(flows.map((f) => f.review)),
        cycleTime: git ? null : stats(flows.map((f) => f.cycle)),
        branchLifetimeInferred: git ? stats(flows.map((f) => f.branchLifetime)) : null,
        medianSizeLines: percentile(sizes, 0.5),
      };
    });
}

function stats(values: readonly (number | null)[]): Stats {
  const known = values.filter((v): v is number => v !== null);
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return { n: known.length, medianHours: round(percentile(known, 0.5)), p75Hours: round(percentile(known, 0.75)) };
}

/** Linear-interpolated percentile (the "R-7" rule spreadsheets use); null for no values. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}
