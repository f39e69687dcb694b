import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// npm 12 blocks dependency install scripts that package.json's allowScripts does not approve,
// and drops unknown .npmrc keys (the old `onnxruntime-node-install=skip`). The project says
// which scripts it relies on and denies onnxruntime-node's (a CUDA download from NuGet).
function npm(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const run = spawnSync('npm', args, { encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

describe('install policy', () => {
  it('every dependency install script is reviewed in allowScripts', () => {
    const run = npm(['approve-scripts', '--allow-scripts-pending']);
    expect(run.stderr).not.toMatch(/not yet covered/);
    expect(run.stdout).toMatch(/No packages with unreviewed install scripts/);
  });

  it('approves the native build the command line needs and denies the onnxruntime download', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { allowScripts: Record<string, boolean> };
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
    expect(pkg.allowScripts['onnxruntime-node']).toBe(false);
  });

  it('npm reads the project config without warnings', () => {
    const run = npm(['config', 'get', 'registry']);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/Unknown (project|user) config/);
  });
});
