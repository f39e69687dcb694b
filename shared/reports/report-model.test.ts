import { describe, expect, it } from 'vitest';
import { reportModelSchema } from '../protocol/report';
import { buildReportModel } from './report-model';
import { HOSTILE, sampleResearch } from './sample-research';

describe('buildReportModel', () => {
  const research = sampleResearch();
  const model = buildReportModel(research);

  it('builds a model the contract parses unchanged', () => {
    expect(reportModelSchema.parse(model)).toEqual(model);
  });

  it('takes the identity and headline figures from the research', () => {
    expect(model.repository).toEqual({ key: research.repository.key, name: 'widget <b>pro</b> | tools', source: 'local', owner: null, path: research.repository.path });
    expect(model.summary).toMatchObject({ health: { score: 69, grade: 'C' }, commits: 612, contributors: { humans: 30, bots: 2 }, busFactor: { window: 2, allTime: 3 }, primaryLanguage: 'TypeScript', license: 'MIT' });
    expect(model.github).toBeNull();
    expect(buildReportModel(research, 'acme').repository.owner).toBe('acme');
  });

  it('cuts the lists to what a report shows: top 25 humans by commits then the bots, the last 52 weeks', () => {
    expect(model.contributors).toMatchObject({ humans: 30, bots: 2 });
    expect(model.contributors.shown).toHaveLength(27);
    expect(model.contributors.shown.slice(0, 2).map((c) => c.name)).toEqual(['José Núñez', '李雷']);
    expect(model.contributors.shown.slice(-2).map((c) => [c.name, c.isBot])).toEqual([
      ['dependabot[bot]', true],
      ['renovate[bot] <b>bold</b>', true],
    ]);
    expect(model.activity.recentWeeks).toHaveLength(52);
    expect(model.activity.recentWeeks.at(-1)).toEqual(research.activity.weeks.at(-1));
    expect(model.pullRequests.recent.map((pr) => pr.number)).toEqual([142, 141, 140, 139, 138]);
    expect(model.pullRequests).toMatchObject({ total: 48, merge: 30, squash: 18 });
  });

  it('passes repository text through unchanged: escaping is the renderer’s (textContent)', () => {
    expect(model.pullRequests.recent[0]?.title).toBe(HOSTILE.scriptBreakout);
    expect(model.hotspots[1]?.path).toBe('src/<script>alert(1)</script>.ts');
  });
});
