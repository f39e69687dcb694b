import { execFileSync } from 'node:child_process';

// Subprocess tests run the real bundle, so build it once before any test file runs.
export default function setup(): void {
  execFileSync(process.execPath, ['esbuild.config.mjs'], { stdio: 'inherit' });
}
