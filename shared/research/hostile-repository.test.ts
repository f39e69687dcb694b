import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, TestRepo } from '../../test/helpers/git-fixture';
import { tempStore } from '../../test/helpers/temp-store';
import { parseCitationCff, splitKey } from './citation-cff';
import { researchLocalRepository } from './research-local';
import { seededRandom } from './seeded-random';

// Repositories are written by anyone. A file crafted to be slow or huge must cost RepoScout
// about what an ordinary one does. Bounds are loose (a loaded CI machine passes them by a
// wide margin); the old code missed them by orders of magnitude.

const MIT = 'MIT License\n\nCopyright (c) 2024 Example\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.\n';

describe('a huge LICENSE blob', () => {
  const LICENSE_BYTES = 96 * 1024 * 1024;
  let repo: TestRepo;
  beforeAll(() => {
    repo = TestRepo.create();
    // MIT text, then padding: the file is written in chunks so the test itself stays small.
    const fd = fs.openSync(path.join(repo.dir, 'LICENSE'), 'w');
    fs.writeSync(fd, MIT);
    const pad = Buffer.alloc(1024 * 1024, 'padding line of a hostile licence file\n');
    for (let written = MIT.length; written < LICENSE_BYTES; written += pad.length) fs.writeSync(fd, pad);
    fs.closeSync(fd);
    repo.write('index.js', 'export {};\n').commit('init', alice, '2024-01-01T00:00:00Z');
    fs.rmSync(path.join(repo.dir, 'LICENSE')); // git has it; the work tree copy is not read anyway
  }, 120_000);
  afterAll(() => repo.remove());

  it('is read only as far as the 64 KB kept, not whole into memory', async () => {
    const temp = tempStore();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
    try {
      const { research } = await researchLocalRepository(temp.store, repo.dir);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(research.communityFiles.license).toEqual({ path: 'LICENSE', spdxId: 'MIT' });
      // Reading the blob whole cost more than its 96 MB; the bounded read costs a few pipe buffers.
      expect((peak - before) / 1024 / 1024).toBeLessThan(48);
    } finally {
      clearInterval(sampler);
      temp.cleanup();
    }
  }, 60_000);
});

describe('a hostile CITATION.cff', () => {
  const lines: [string, string][] = [
    ['100 KB of spaces without a colon', `a${' '.repeat(100_000)}b`],
    ['100 KB of spaces before a late colon', `a${' '.repeat(100_000)}:x`],
    ['a 100 KB list item of words and spaces', `- ${'a '.repeat(50_000)}`],
    ['a 100 KB quoted key that never closes', `"${' '.repeat(100_000)}`],
    ['a 100 KB line of colons', ':'.repeat(100_000)],
    ['a 100 KB line of " #"', `a${' #'.repeat(50_000)}`],
  ];
  it.each(lines)('%s parses in linear time', (_, line) => {
    const text = `cff-version: 1.2.0\ntitle: t\n${line}\n${line}\nauthors:\n  - name: A\n`;
    const started = performance.now();
    const summary = parseCitationCff(text);
    // The backtracking parser took 6.6 s for one 65 KB line of spaces; linear parsing takes milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
    expect(summary.title).toBe('t');
  });

  it('splits keys exactly as the former regular expressions did, on seeded random lines', () => {
    // The former patterns, as an oracle on short lines where their backtracking is harmless.
    const mapPattern = /^("[^"]*"|'[^']*'|[^:]+?)\s*:(?:\s+(.*))?$/;
    const listPattern = /^("[^"]*"|'[^']*'|[^:"'[]+?)\s*:(\s|$)/;
    const alphabet = ['a', 'b', ' ', '\t', ':', '"', "'", '[', '#', '-', 'é'];
    const random = seededRandom(13);
    for (let n = 0; n < 20_000; n++) {
      let line = '';
      const length = 1 + Math.floor(random() * 12);
      for (let i = 0; i < length; i++) line += alphabet[Math.floor(random() * alphabet.length)];
      line = line.trim();
      if (line === '') continue;
      const m = mapPattern.exec(line);
      expect([line, splitKey(line)]).toEqual([line, m ? { key: m[1], rest: (m[2] ?? '').trim() } : null]);
      expect([line, splitKey(line, `"'[`) !== null]).toEqual([line, listPattern.test(line)]);
    }
  });
});
