import { describe, expect, it } from 'vitest';
import type { TreeEntry } from '../git/tree';
import { isVendoredOrGenerated, languageMix, languageOf } from './languages';

const tree = (...entries: [string, number | null][]): TreeEntry[] => entries.map(([path, size]) => ({ path, size }));

describe('languageOf', () => {
  describe('bad input / edge cases', () => {
    it.each([
      ['', null],
      ['src/', null],
      ['.gitignore', null],
      ['README', null],
      ['x.constructor', null],
      ['x.toString', null],
      ['x.__proto__', null],
      ['noextension', null],
      ['trailing.', null],
      ['docs/guide.md', null],
      ['package.json', null],
      ['config.yaml', null],
      ['Cargo.lock', null],
      ['schema.sql', null],
      ['notes.txt', null],
      ['build.gradle', null],
      ['数据/处理.PY', 'Python'],
      ['.eslintrc.js', 'JavaScript'],
    ])('%j -> %j', (path, expected) => {
      expect(languageOf(path)).toBe(expected);
    });
  });

  describe('behaviour', () => {
    it.each([
      ['src/index.ts', 'TypeScript'],
      ['src/App.tsx', 'TypeScript'],
      ['lib/x.mjs', 'JavaScript'],
      ['ui/Button.jsx', 'JavaScript'],
      ['include/api.h', 'C'],
      ['src/api.c', 'C'],
      ['src/api.hpp', 'C++'],
      ['src/api.cc', 'C++'],
      ['Sources/App.swift', 'Swift'],
      ['ios/View.m', 'Objective-C'],
      ['main.go', 'Go'],
      ['src/lib.rs', 'Rust'],
      ['App.java', 'Java'],
      ['build.gradle.kts', 'Kotlin'],
      ['Program.cs', 'C#'],
      ['app/models/user.rb', 'Ruby'],
      ['index.php', 'PHP'],
      ['script.sh', 'Shell'],
      ['style.scss', 'SCSS'],
      ['App.vue', 'Vue'],
      ['analysis.ipynb', 'Jupyter Notebook'],
      ['infra/main.tf', 'HCL'],
      ['analysis.R', 'R'],
      ['boot.S', 'Assembly'],
      ['Dockerfile', 'Dockerfile'],
      ['docker/Dockerfile.dev', 'Dockerfile'],
      ['api.dockerfile', 'Dockerfile'],
      ['Makefile', 'Makefile'],
      ['GNUmakefile', 'Makefile'],
      ['rules.mk', 'Makefile'],
      ['CMakeLists.txt', 'CMake'],
      ['Gemfile', 'Ruby'],
      ['Jenkinsfile', 'Groovy'],
      ['BUILD.bazel', 'Starlark'],
      ['BUILD', 'Starlark'],
    ])('%j -> %j', (path, expected) => {
      expect(languageOf(path)).toBe(expected);
    });
  });
});

describe('isVendoredOrGenerated', () => {
  it.each([
    ['node_modules/react/index.js', true],
    ['packages/a/node_modules/x.js', true],
    ['vendor/github.com/x/y.go', true],
    ['third_party/zlib/inflate.c', true],
    ['dist/bundle.js', true],
    ['Build/out.js', true],
    ['public/jquery.min.js', true],
    ['api/v1/service.pb.go', true],
    ['proto/service_pb2.py', true],
    ['yarn.lock', true],
    ['package-lock.json', true],
    ['src/build.ts', false],
    ['src/vendored.ts', false],
    ['src/distance.ts', false],
    ['BUILD', false],
  ])('%j -> %j', (path, expected) => {
    expect(isVendoredOrGenerated(path)).toBe(expected);
  });
});

describe('languageMix', () => {
  describe('bad input / edge cases', () => {
    it('returns an empty list for an empty tree', () => {
      expect(languageMix([])).toEqual([]);
    });

    it('returns an empty list when nothing is a programming language', () => {
      expect(languageMix(tree(['README.md', 100], ['package.json', 50], ['a.yaml', 10], ['LICENSE', 1000]))).toEqual([]);
    });

    it('counts null, negative and non-finite sizes as 0 bytes but still as files', () => {
      expect(languageMix(tree(['a.go', null], ['b.go', -5], ['c.go', Number.NaN], ['d.go', 10]))).toEqual([
        { language: 'Go', files: 4, bytes: 10, share: 1 },
      ]);
    });

    it('gives share 0, not NaN, when every classified file is empty', () => {
      expect(languageMix(tree(['a/__init__.py', 0], ['b/__init__.py', null]))).toEqual([
        { language: 'Python', files: 2, bytes: 0, share: 0 },
      ]);
    });

    it('ignores vendored, built and minified files', () => {
      const mix = languageMix(tree(
        ['src/a.ts', 100],
        ['node_modules/x/index.js', 10_000],
        ['vendor/lib.go', 10_000],
        ['dist/a.js', 10_000],
        ['build/a.js', 10_000],
        ['third_party/z.c', 10_000],
        ['static/app.min.js', 10_000],
      ));
      expect(mix).toEqual([{ language: 'TypeScript', files: 1, bytes: 100, share: 1 }]);
    });
  });

  describe('behaviour', () => {
    it.each<[string, TreeEntry[], { language: string; files: number; bytes: number }[]]>([
      ['one language', tree(['a.rs', 10], ['b.rs', 30]), [{ language: 'Rust', files: 2, bytes: 40 }]],
      [
        'largest first',
        tree(['a.py', 10], ['b.ts', 300], ['c.tsx', 200], ['Dockerfile', 50]),
        [
          { language: 'TypeScript', files: 2, bytes: 500 },
          { language: 'Dockerfile', files: 1, bytes: 50 },
          { language: 'Python', files: 1, bytes: 10 },
        ],
      ],
      [
        'ties broken by name',
        tree(['z.go', 10], ['a.c', 10], ['m.rb', 10]),
        [
          { language: 'C', files: 1, bytes: 10 },
          { language: 'Go', files: 1, bytes: 10 },
          { language: 'Ruby', files: 1, bytes: 10 },
        ],
      ],
      [
        '.h counts as C',
        tree(['x.h', 40], ['x.c', 60], ['y.cpp', 10]),
        [
          { language: 'C', files: 2, bytes: 100 },
          { language: 'C++', files: 1, bytes: 10 },
        ],
      ],
    ])('%s', (_name, entries, expected) => {
      expect(languageMix(entries).map(({ share: _share, ...rest }) => rest)).toEqual(expected);
    });

    it('shares are fractions of classified bytes that sum to 1', () => {
      const mix = languageMix(tree(['a.ts', 300], ['b.py', 100], ['README.md', 10_000]));
      expect(mix.map((m) => [m.language, m.share])).toEqual([['TypeScript', 0.75], ['Python', 0.25]]);
      expect(mix.reduce((sum, m) => sum + m.share, 0)).toBeCloseTo(1);
    });

    it('is independent of input order', () => {
      const entries = tree(['a.ts', 5], ['b.go', 5], ['c.java', 7], ['d.ts', 1]);
      expect(languageMix([...entries].reverse())).toEqual(languageMix(entries));
    });
  });
});
