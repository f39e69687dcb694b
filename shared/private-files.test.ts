import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/git-fixture';
import { writeRepositoryReports } from './reports/write';
import { sampleResearch } from './reports/sample-research';
import { openStore } from './store/open';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// Mode bits are POSIX; on Windows the per-user data folder is private already.
describe.skipIf(process.platform === 'win32')('private files on disk', () => {
  it('creates the data folder 0700 and the database, its WAL and shared-memory files 0600', () => {
    const root = tempDir();
    dirs.push(root);
    const dbPath = path.join(root, 'data', 'reposcout', 'reposcout.db');
    const warnings: string[] = [];
    const store = openStore(dbPath, { onWarning: (line) => warnings.push(line) });
    try {
      store.db.prepare(`insert into repositories (key, source, name) values ('local:/x', 'local', 'x')`).run();
      expect(modeOf(path.join(root, 'data'))).toBe(0o700);
      expect(modeOf(path.dirname(dbPath))).toBe(0o700);
      for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) expect([file, modeOf(file)]).toEqual([file, 0o600]);
      expect(warnings).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('warns in one line, and changes nothing, when an existing database is readable by others', () => {
    const root = tempDir();
    dirs.push(root);
    const dbPath = path.join(root, 'shared.db');
    openStore(dbPath).close();
    fs.chmodSync(dbPath, 0o644);
    const warnings: string[] = [];
    openStore(dbPath, { onWarning: (line) => warnings.push(line) }).close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/shared\.db is readable by other users \(mode 0644\).*run "chmod 600 .*shared\.db"/);
    expect(warnings[0]).not.toContain('\n');
    expect(modeOf(dbPath)).toBe(0o644);
  });

  it('writes report folders 0700 and report files 0600, tightening files that existed', () => {
    const root = tempDir();
    dirs.push(root);
    const outDir = path.join(root, 'reposcout-reports', 'demo');
    fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(outDir, 'report.md'), 'old', { mode: 0o644 });
    const { markdownPath, htmlPath } = writeRepositoryReports(sampleResearch(), path.join(root, 'reposcout-reports', 'demo'));
    expect(modeOf(markdownPath)).toBe(0o600);
    expect(modeOf(htmlPath)).toBe(0o600);
    const fresh = writeRepositoryReports(sampleResearch(), path.join(root, 'new-reports', 'demo'));
    expect(modeOf(path.join(root, 'new-reports'))).toBe(0o700);
    expect(modeOf(path.dirname(fresh.htmlPath))).toBe(0o700);
  });
});
