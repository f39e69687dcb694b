import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyChange } from './classify';
import { classifyLines } from './classify-lines';
import { fitLinearModel } from './fit';
import { changeFeatures, stem } from './features';
import { pathKind } from '../path-kind';

const src = (path: string, additions = 10, deletions = 2) => ({ path, additions, deletions });

describe('classifyChange: the cascade', () => {
  it.each([
    ['feat(parser): accept trailing commas', [src('src/parser.ts')], [], 'feature', 'conventional-prefix'],
    ['fix!: stop crashing on empty input', [src('src/a.ts')], [], 'fix', 'conventional-prefix'],
    ['perf: cache resolved paths', [src('src/a.ts')], [], 'performance', 'conventional-prefix'],
    ['ci: run tests on node 22', [src('src/a.ts')], [], 'build-ci', 'conventional-prefix'],
    ['Make the parser handle tabs', [src('src/a.ts')], ['type: bug'], 'fix', 'label'],
    ['Sanitise user names', [src('src/a.ts')], ['bug', 'security'], 'security', 'label'],
    ['Revert "Add the new cache"', [src('src/a.ts')], [], 'revert', 'revert-title'],
    // What a 'revert: "fix(css): ..."' title leaves once its own type is read.
    ['"fix(css): spread the options (#14024)"', [src('src/css.ts')], [], 'revert', 'revert-title'],
    ['"EISDIR: illegal operation on a directory" error on Windows', [src('src/fs.ts')], [], 'fix', 'model'],
    ['Document the Content Security Policy options', [src('docs/config.md')], [], 'docs', 'paths-docs'],
    ['Escape HTML to prevent XSS in the preview', [src('src/a.ts')], [], 'security', 'security-words'],
    ['Explain the options', [src('docs/guide.md'), src('README.md')], [], 'docs', 'paths-docs'],
    ['Cover the empty case', [src('test/parser.test.ts'), src('src/__tests__/x.spec.js')], [], 'tests', 'paths-tests'],
    ['Run on more platforms', [src('.github/workflows/ci.yml'), src('Dockerfile')], [], 'build-ci', 'paths-ci-build'],
    ['Refresh the lock file', [src('pnpm-lock.yaml')], [], 'chore', 'paths-dependencies'],
  ])('%s -> %s by %s', (title, files, labels, cls, rule) => {
    const result = classifyChange({ title, files, labels });
    expect(result).toMatchObject({ class: cls, rule });
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('a Renovate security bump is upkeep for the model, not the author\'s security work', () => {
    const result = classifyChange({ title: 'update dependency lodash to v4.17.23 [security]', files: [src('package.json'), src('pnpm-lock.yaml')] });
    expect(result.rule).toBe('model');
  });

  it('falls to the shipped model for plain titles, with a probability as confidence', () => {
    const fix = classifyChange({ title: 'Handle a missing config file without crashing', files: [src('src/config.ts')] });
    expect(fix).toMatchObject({ class: 'fix', rule: 'model' });
    const feature = classifyChange({ title: 'Add support for a new --watch option', files: [src('src/cli.ts', 120, 0), src('src/watch.ts', 80, 0)] });
    expect(feature).toMatchObject({ class: 'feature', rule: 'model' });
    expect(feature.confidence).toBeGreaterThan(0.3);
  });

  it('an unknown prefix is stripped and the words still read', () => {
    expect(classifyChange({ title: 'wip: fix crash when the cache is empty', files: [src('src/cache.ts')] }).rule).toBe('model');
  });

  it('a PR without files or title still gets a class', () => {
    const result = classifyChange({ title: '', files: [] });
    expect(result.rule).toBe('model');
  });
});

describe('features and paths', () => {
  it.each([
    ['fixes', 'fix'], ['fixed', 'fix'], ['fixing', 'fix'], ['caching', 'cach'], ['cache', 'cach'], ['uses', 'use'], ['class', 'class'],
  ])('stem(%s) = %s', (word, expected) => expect(stem(word)).toBe(expected));

  it.each([
    ['docs/guide/intro.md', 'docs'], ['CHANGELOG.md', 'changelog'], ['src/a.test.ts', 'test'], ['pkg/x_test.go', 'test'],
    ['.github/workflows/ci.yml', 'ci'], ['Dockerfile', 'build'], ['yarn.lock', 'lock'], ['go.mod', 'manifest'],
    ['examples/app/vite.config.ts', 'example'], ['src/types.d.ts', 'types'], ['src/index.ts', 'source'], ['dist/app.min.js', 'generated'],
  ])('pathKind(%s) = %s', (path, kind) => expect(pathKind(path)).toBe(kind));

  it('keeps project-specific folder names out of the features', () => {
    const features = changeFeatures({ title: 'tweak `resolveId` hook', files: [src('packages/vite/src/node/plugins/resolve.ts')] });
    expect(features.some((f) => f.includes('vite') || f.includes('plugins'))).toBe(false);
    expect(features).toContain('w:codespan');
    expect(features).toContain('ext:ts');
  });

  it('marks an issue reference and a source file only added to, and not an HTML entity', () => {
    expect(changeFeatures({ title: 'crash on empty input, fixes #123', files: [src('src/a.ts', 5, 3)] })).toContain('title:issue-ref');
    expect(changeFeatures({ title: 'quote &#39; in titles', files: [src('src/a.ts', 5, 3)] })).not.toContain('title:issue-ref');
    expect(changeFeatures({ title: 'new watcher', files: [src('src/watch.ts', 80, 0)] })).toContain('source-added');
    expect(changeFeatures({ title: 'new watcher', files: [src('src/watch.ts', 80, 1), src('docs/watch.md', 20, 0)] })).not.toContain('source-added');
  });

  it('fits a model that separates two obvious classes, deterministically', () => {
    const examples = [
      ...Array.from({ length: 20 }, (_, i) => ({ features: ['w:add', `w:n${i % 3}`], label: 'feature' as const })),
      ...Array.from({ length: 20 }, (_, i) => ({ features: ['w:fix', `w:n${i % 3}`], label: 'fix' as const })),
    ];
    const a = fitLinearModel(examples, { epochs: 5 });
    const b = fitLinearModel(examples, { epochs: 5 });
    expect(a).toEqual(b);
    expect(classifyChange({ title: 'add', files: [src('src/a.ts')] }, a).class).toBe('feature');
    expect(classifyChange({ title: 'fix', files: [src('src/a.ts')] }, a).class).toBe('fix');
  });
});

describe('classifyLines', () => {
  it('reports bad lines by number and reason and classifies the rest', async () => {
    const text = [
      JSON.stringify({ id: 'a#1', title: 'docs: typo', files: [], label: 'docs' }),
      '{not json',
      '',
      JSON.stringify({ id: 'a#2', files: [] }),
      JSON.stringify({ id: 'a#3', title: 'x', files: [{ path: 'a.ts', additions: -1, deletions: 0 }] }),
      JSON.stringify({ id: 7, title: 'Fix crash', files: [{ path: 'logo.png', additions: null, deletions: null }] }),
    ].join('\n');
    const results = [];
    for await (const r of classifyLines(Readable.from([text]))) results.push(r);
    expect(results.map((r) => [r.line, r.ok])).toEqual([[1, true], [2, false], [4, false], [5, false], [6, true]]);
    expect(results[1]).toMatchObject({ problem: expect.stringContaining('not valid JSON') });
    expect(results[2]).toMatchObject({ problem: expect.stringContaining('title') });
    expect(results[3]).toMatchObject({ problem: expect.stringContaining('files.0.additions') });
    expect(results[4]).toMatchObject({ ok: true, id: '7' });
  });
});
