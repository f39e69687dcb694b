import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserBuild } from '../webview-client/bundle.mjs';

// What runs in browsers (the VS Code webviews in dist/media/, and every page and module of
// webview-client/, which the HTML reports inline) carries no zod: zod v4 alone was 454 KB, two
// thirds of each webview. The host validates what it posts; browsers import protocol types only
// (lint: @typescript-eslint/no-restricted-imports). Each bundle also stays under a ceiling.
const ROOT = path.resolve(import.meta.dirname, '..');
const KB = 1024;

// Measured sizes at the time each ceiling was set, plus headroom for ordinary growth.
const CEILINGS: Record<string, number> = {
  'dist/media/report.js': 240 * KB, // 196 KB: Chart.js and the report renderer
  'dist/media/portfolio.js': 240 * KB, // 194 KB: Chart.js and the portfolio renderer
  'dist/media/dashboard.js': 700 * KB, // 627 KB: Chart.js and Cytoscape
  'dist/media/job.js': 40 * KB, // 9 KB: no charts
  'webview-client/report-page.ts': 240 * KB, // 193 KB: the HTML report's script
  'webview-client/portfolio-page.ts': 240 * KB, // 191 KB: the portfolio export's script
};
// A bundle not listed above (a new page or module): the largest allowed today. Give it its own line.
const DEFAULT_CEILING = 700 * KB;

interface Bundle {
  name: string;
  bytes: number;
  inputs: string[];
}

function bundlesOf(meta: Metafile, nameOf: (output: string, entry: string | undefined) => string): Bundle[] {
  return Object.entries(meta.outputs)
    .filter(([output]) => output.endsWith('.js'))
    .map(([output, o]) => ({ name: nameOf(output, o.entryPoint), bytes: o.bytes, inputs: Object.keys(o.inputs) }));
}

/** Every non-test TypeScript file under webview-client/, each bundled on its own as a browser script. */
async function webviewClientBundles(): Promise<Bundle[]> {
  const dir = path.join(ROOT, 'webview-client');
  const entries = (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => path.join('webview-client', file));
  const { metafile } = await build({ ...browserBuild, absWorkingDir: ROOT, entryPoints: entries, outdir: 'out', write: false, metafile: true });
  return bundlesOf(metafile, (_output, entry) => entry ?? '?');
}

describe('browser bundles', () => {
  let bundles: Bundle[];

  beforeAll(async () => {
    // dist/ is built by the global setup (esbuild.config.mjs).
    const webviews = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'meta.webviews.json'), 'utf8')) as Metafile;
    bundles = [...bundlesOf(webviews, (output) => output), ...(await webviewClientBundles())];
  });

  it('are found: every webview and every webview-client page', () => {
    const names = bundles.map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(Object.keys(CEILINGS)));
    expect(names.filter((n) => n.startsWith('dist/media/')).length).toBeGreaterThanOrEqual(4);
  });

  it('hold no zod', () => {
    const withZod = bundles.filter((b) => b.inputs.some((input) => input.includes('node_modules/zod/'))).map((b) => b.name);
    expect(withZod).toEqual([]);
  });

  it('stay under their size ceiling', () => {
    const over = bundles
      .filter((b) => b.bytes > (CEILINGS[b.name] ?? DEFAULT_CEILING))
      .map((b) => `${b.name}: ${Math.round(b.bytes / KB)} KB > ${Math.round((CEILINGS[b.name] ?? DEFAULT_CEILING) / KB)} KB`);
    expect(over).toEqual([]);
  });

  it('would catch zod: a module importing a protocol schema as a value bundles it', async () => {
    // Proves the check can fail: the same build of a file that uses a schema at run time.
    const { metafile } = await build({
      ...browserBuild,
      absWorkingDir: ROOT,
      stdin: { contents: "import { reportModelSchema } from './shared/protocol/report';\nconsole.log(reportModelSchema.safeParse({}).success);", resolveDir: ROOT, loader: 'ts' },
      write: false,
      metafile: true,
    });
    const [bundle] = bundlesOf(metafile, () => 'stdin');
    expect(bundle?.inputs.some((input) => input.includes('node_modules/zod/'))).toBe(true);
    expect(bundle?.bytes).toBeGreaterThan(DEFAULT_CEILING / 2);
  });
});
