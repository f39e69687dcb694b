import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleResearch } from './sample-research';
import { writeRepositoryReports } from './write';

describe('writeRepositoryReports', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the folder and writes report.md and report.html', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-reports-'));
    dirs.push(root);
    const outDir = path.join(root, 'nested', 'out');
    const { markdownPath, htmlPath } = writeRepositoryReports(sampleResearch(), outDir);
    expect(markdownPath).toBe(path.join(outDir, 'report.md'));
    expect(htmlPath).toBe(path.join(outDir, 'report.html'));
    expect(fs.readFileSync(markdownPath, 'utf8')).toMatch(/^# RepoScout report: /);
    expect(fs.readFileSync(htmlPath, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('overwrites an earlier report', () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-reports-'));
    dirs.push(outDir);
    fs.writeFileSync(path.join(outDir, 'report.md'), 'stale');
    writeRepositoryReports(sampleResearch(), outDir);
    expect(fs.readFileSync(path.join(outDir, 'report.md'), 'utf8')).not.toBe('stale');
  });
});
