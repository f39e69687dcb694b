import type { AchievementRecord } from '../protocol/achievements';
import { classifyChange } from './classify/classify';
import { scoreImpact, type ImpactInput } from './impact';

/** A collected PR made whole: classified (author signals, paths, model) and scored for impact. */
export function completeRecord(base: ImpactInput): AchievementRecord {
  return {
    ...base,
    classification: classifyChange({ title: base.title, files: base.files, labels: base.labels }),
    impact: scoreImpact(base),
  };
}

/** "owner/name#12": how a PR is named in lists, highlights and skills. */
export function recordRef(pr: Pick<AchievementRecord, 'repository' | 'number'>): string {
  return `${pr.repository}#${pr.number}`;
}
