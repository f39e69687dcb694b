import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/git-fixture';
import { binaryKind, TARGETS, wrongBinary } from './native-binary.mjs';

// `npm run package -- --target <t>` for every VS Code target RepoScout ships: the package holds
// that target's sqlite-vec binary (its header says OS format and CPU) and no Node-ABI module.
// Other targets' sqlite-vec packs come from the npm registry at setup time
// (`node extension/package-vsix.mjs --fetch-only`, run by test/run-all.sh); offline, a target
// whose pack is not cached is skipped here unless REPOSCOUT_REQUIRE_ALL_TARGETS=1 (CI sets it).
const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'reposcout-sqlite-vec');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'sqlite-vec', 'package.json'), 'utf8')).version as string;
type Target = keyof typeof TARGETS;
const targets = Object.keys(TARGETS) as Target[];
const available = (t: Target) =>
  fs.existsSync(path.join(ROOT, 'node_modules', TARGETS[t].vecPackage, TARGETS[t].file)) || fs.existsSync(path.join(CACHE, `${TARGETS[t].vecPackage}-${VERSION}`, 'package', TARGETS[t].file));
const requireAll = process.env.REPOSCOUT_REQUIRE_ALL_TARGETS === '1';

let out: string;
beforeAll(() => {
  out = tempDir('reposcout-package-');
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function packageFor(target: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['extension/package-vsix.mjs', '--target', target, '--out-dir', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('binaryKind', () => {
  it('reads ELF, Mach-O and PE headers', () => {
    expect(binaryKind(fs.readFileSync(path.join(ROOT, 'node_modules', 'sqlite-vec-linux-x64', 'vec0.so')))).toEqual({ format: 'elf', arch: 'x64' });
    const macho = Buffer.alloc(32);
    macho.writeUInt32LE(0xfeedfacf, 0);
    macho.writeUInt32LE(0x0100000c, 4);
    expect(binaryKind(macho)).toEqual({ format: 'macho', arch: 'arm64' });
    const pe = Buffer.alloc(128);
    pe.writeUInt16LE(0x5a4d, 0);
    pe.writeUInt32LE(64, 0x3c);
    pe.writeUInt32LE(0x00004550, 64);
    pe.writeUInt16LE(0x8664, 68);
    expect(binaryKind(pe)).toEqual({ format: 'pe', arch: 'x64' });
    expect(wrongBinary('darwin-arm64', pe)).toMatch(/expected a macho arm64 binary for darwin-arm64, found pe x64/);
    expect(binaryKind(Buffer.from('not a binary at all'))).toEqual({ format: 'unknown', arch: 'unknown' });
  });
});

describe('npm run package -- --target', () => {
  for (const target of targets) {
    it.skipIf(!requireAll && !available(target))(`${target}: the target's sqlite-vec binary, no .node file`, () => {
      const run = packageFor(target);
      expect(run.stderr).not.toMatch(/fetching/);
      expect(run.status, run.stderr).toBe(0);
      const { format, arch, file } = TARGETS[target];
      expect(fs.existsSync(path.join(out, `reposcout-${target}.vsix`))).toBe(true);
      expect(run.stderr).toContain(`${file} is ${format} ${arch}; no .node files`);
      if (target === 'linux-x64') expect(run.stderr).toMatch(/the staged engine runs with .*node:sqlite \+ sqlite-vec/);
    });
  }

  it('refuses a sqlite-vec build for the wrong CPU', () => {
    const fake = path.join(out, 'cache', `sqlite-vec-linux-arm64-${VERSION}`, 'package');
    fs.mkdirSync(fake, { recursive: true });
    fs.writeFileSync(path.join(fake, 'package.json'), '{"name":"sqlite-vec-linux-arm64"}');
    fs.copyFileSync(path.join(ROOT, 'node_modules', 'sqlite-vec-linux-x64', 'vec0.so'), path.join(fake, 'vec0.so'));
    const run = packageFor('linux-arm64', { REPOSCOUT_VEC_CACHE: path.join(out, 'cache') });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/expected a elf arm64 binary for linux-arm64, found elf x64/);
  });

  it('names the targets it knows when given another', () => {
    const run = packageFor('freebsd-x64');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--target freebsd-x64 is not one RepoScout packages for; use one of linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64/);
  });
});
