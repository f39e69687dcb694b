import path from 'node:path';
import fs from 'node:fs';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, daysAgo, tempDir, TestRepo } from '../../test/helpers/git-fixture';
import { githubWorld, type GitHubWorld } from '../../test/helpers/github';
import { researchRecordProblem } from '../../test/helpers/research-record';
import { ingestGitHubOwner } from '../github/ingest';
import { analysisNames, analysisRecords, repositorySections } from '../protocol/research';
import { researchOrganization } from '../research/org-research';
import { researchLocalRepository } from '../research/research-local';
import type { RepositoryResearch } from '../research/types';
import { openStore } from '../store/open';
import { busFactorAnalysis } from './bus-factor';
import { analyses } from './registry';

const NOW = Date.parse('2026-06-01T12:00:00Z') / 1000;
const MIT = 'MIT License\n\nCopyright (c) 2026 Example\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED.';
const names = analyses.map((a) => a.name);

describe('the analysis registry', () => {
  it('runs every analysis of the protocol record once, in its order, health last', () => {
    expect(names).toEqual(analysisNames);
    expect(names.at(-1)).toBe('health');
  });

  it('publishes exactly the get_repository sections, once each', () => {
    const sections = analyses.flatMap((a) => (a.publish ? [analysisRecords[a.name].published?.section] : []));
    expect(sections).toEqual(repositorySections);
  });

  it('fails loudly when an analysis is listed before one it reads', () => {
    const header = { repository: { key: 'k', name: 'n', path: null, headSha: '', defaultBranch: null, isShallow: false, analyzedAt: '' }, options: { windowMonths: 12, windowStart: '', now: '' } };
    expect(() => busFactorAnalysis.needs === 'earlier' && busFactorAnalysis.fromEarlier(header)).toThrow('"contributors" must run before');
  });
});

function expectPublishedRecords(research: RepositoryResearch): void {
  for (const { name, publish } of analyses) {
    const record: { schema: z.ZodType } | null = analysisRecords[name].published;
    if (!publish || !record) continue;
    const published = (publish as (v: unknown) => unknown)(research[name]);
    const parsed = record.schema.safeParse(published);
    expect(parsed.success ? 'ok' : `${name}: ${parsed.error.message}`).toBe('ok');
  }
}

describe('a local clone through the registry', () => {
  let research: RepositoryResearch;
  beforeAll(async () => {
    const repo = TestRepo.create();
    const dir = tempDir('reposcout-registry-');
    const store = openStore(path.join(dir, 'r.db'));
    try {
      repo.write('README.md', '# r\n').write('LICENSE', MIT).commit('files', alice, daysAgo(NOW, 30));
      repo.write('src/a.ts', 'export {}\n').commit('a', bob, daysAgo(NOW, 20));
      ({ research } = await researchLocalRepository(store, repo.dir, { now: NOW }));
    } finally {
      store.close();
      repo.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fills the record in registry order, leaving out what only GitHub data feeds', () => {
    const localNames = analyses.filter((a) => a.needs !== 'github').map((a) => a.name);
    expect(localNames).not.toContain('githubInputs');
    expect(Object.keys(research)).toEqual(['repository', 'options', ...localNames]);
    expect(research.communityFiles.license).toEqual({ path: 'LICENSE', spdxId: 'MIT' });
    expect(research.hotspots.map((h) => h.path)).toEqual(['LICENSE', 'README.md', 'src/a.ts']);
  });

  it('publishes every analysis as its contract record', () => expectPublishedRecords(research));
});

describe('GitHub repositories through the same registry', () => {
  let world: GitHubWorld;
  let records: RepositoryResearch[];
  beforeAll(async () => {
    world = await githubWorld({ repositories: 6 });
    await ingestGitHubOwner(world.store, world.client(), 'acme', { now: world.org.now, batchSize: 50 });
    researchOrganization(world.store, 'acme', { now: world.org.now });
    records = (world.store.db.prepare('select result_json from research').pluck().all() as string[]).map((json) => JSON.parse(json) as RepositoryResearch);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('fills every field, history-only ones empty, in registry order', () => {
    expect(records.length).toBe(6);
    for (const r of records) {
      expect(Object.keys(r)).toEqual(['repository', 'options', ...names]);
      expect(r.hotspots).toEqual([]);
      expect(r.releases.source).toBe('github-releases');
    }
  });

  it('publishes every analysis as its contract record', () => {
    for (const r of records) expectPublishedRecords(r);
  });

  it('stores exactly the research record shared/protocol/research.ts declares', () => {
    for (const r of records) expect(researchRecordProblem(r)).toBeNull();
  });
});
