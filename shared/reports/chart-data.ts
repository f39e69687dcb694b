import type { RepositoryResearch } from '../research/types';

/** The data the report's inline script charts; serialised into the page with jsonForScript. */
export interface ChartData {
  activity: { weeks: string[]; commits: number[]; authors: number[] };
  /** Points earned and points available (renormalised weight) per component; unmeasurable ones have both 0. */
  health: { labels: string[]; points: number[]; missed: number[]; measurable: boolean[] };
  languages: { labels: string[]; shares: number[] };
}

const MAX_LANGUAGE_SLICES = 7;

/** Returns the chart series for one research result: every week, every component, and the top languages plus "Other". */
export function chartData(r: RepositoryResearch): ChartData {
  const measuredWeight = r.health.components.reduce((sum, c) => sum + (c.score === null ? 0 : c.weight), 0);
  const available = (weight: number) => (measuredWeight === 0 ? 0 : (weight / measuredWeight) * 100);
  const languages = [...r.languages].sort((a, b) => b.share - a.share);
  const top = languages.slice(0, MAX_LANGUAGE_SLICES);
  const rest = languages.slice(MAX_LANGUAGE_SLICES).reduce((sum, l) => sum + l.share, 0);
  return {
    activity: {
      weeks: r.activity.weeks.map((w) => w.week),
      commits: r.activity.weeks.map((w) => w.commits),
      authors: r.activity.weeks.map((w) => w.authors),
    },
    health: {
      labels: r.health.components.map((c) => c.label),
      points: r.health.components.map((c) => (c.score === null ? 0 : round1(c.points))),
      missed: r.health.components.map((c) => (c.score === null ? 0 : round1(Math.max(0, available(c.weight) - c.points)))),
      measurable: r.health.components.map((c) => c.score !== null),
    },
    languages: {
      labels: [...top.map((l) => l.language), ...(rest > 0 ? ['Other'] : [])],
      shares: [...top.map((l) => round1(l.share * 100)), ...(rest > 0 ? [round1(rest * 100)] : [])],
    },
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
