import { languageOf } from '../analyses/languages';
import type { AchievementRecord, Portfolio } from '../protocol/achievements';

type Skill = Portfolio['skills'][number];

// Tools and platforms recognisable from a path alone.
const PATH_TOOLS: ReadonlyArray<[RegExp, string, Skill['kind']]> = [
  [/(^|\/)(dockerfile|containerfile)[^/]*$|\.dockerfile$|(^|\/)(docker-)?compose[^/]*\.ya?ml$/i, 'Docker', 'tool'],
  [/(^|\/)\.github\/workflows\//i, 'GitHub Actions', 'tool'],
  [/(^|\/)\.gitlab-ci\.ya?ml$/i, 'GitLab CI', 'tool'],
  [/(^|\/)\.circleci\//i, 'CircleCI', 'tool'],
  [/\.tf$|\.tfvars$/i, 'Terraform', 'tool'],
  [/(^|\/)(charts?|helm)\/.*\.ya?ml$|(^|\/)chart\.ya?ml$/i, 'Helm', 'platform'],
  [/(^|\/)(k8s|kubernetes|manifests)\/.*\.ya?ml$/i, 'Kubernetes', 'platform'],
  [/\.vue$/i, 'Vue', 'framework'],
  [/\.svelte$/i, 'Svelte', 'framework'],
  [/\.(tsx|jsx)$/i, 'React (JSX)', 'framework'],
  [/\.sql$|(^|\/)migrations?\//i, 'SQL', 'language'],
  [/\.proto$/i, 'Protocol Buffers', 'tool'],
  [/\.graphql$|\.gql$/i, 'GraphQL', 'tool'],
  [/(^|\/)cmakelists\.txt$/i, 'CMake', 'tool'],
  [/(^|\/)makefile$/i, 'Make', 'tool'],
  [/(^|\/)build\.gradle(\.kts)?$/i, 'Gradle', 'tool'],
  [/(^|\/)pom\.xml$/i, 'Maven', 'tool'],
  [/\.ipynb$/i, 'Jupyter', 'tool'],
];

// Dependencies worth naming as a skill: frameworks and tools a reader would recognise.
const KNOWN_DEPENDENCIES = new Map<string, string>([
  ['react', 'React'], ['next', 'Next.js'], ['vue', 'Vue'], ['nuxt', 'Nuxt'], ['svelte', 'Svelte'], ['@angular/core', 'Angular'],
  ['express', 'Express'], ['fastify', 'Fastify'], ['koa', 'Koa'], ['@nestjs/core', 'NestJS'], ['vite', 'Vite'], ['webpack', 'webpack'],
  ['esbuild', 'esbuild'], ['rollup', 'Rollup'], ['typescript', 'TypeScript'], ['jest', 'Jest'], ['vitest', 'Vitest'], ['mocha', 'Mocha'],
  ['playwright', 'Playwright'], ['@playwright/test', 'Playwright'], ['cypress', 'Cypress'], ['eslint', 'ESLint'], ['prisma', 'Prisma'],
  ['graphql', 'GraphQL'], ['electron', 'Electron'], ['tailwindcss', 'Tailwind CSS'], ['zod', 'Zod'], ['better-sqlite3', 'SQLite'],
  ['django', 'Django'], ['flask', 'Flask'], ['fastapi', 'FastAPI'], ['numpy', 'NumPy'], ['pandas', 'pandas'], ['torch', 'PyTorch'],
  ['tensorflow', 'TensorFlow'], ['scikit-learn', 'scikit-learn'], ['pytest', 'pytest'], ['sqlalchemy', 'SQLAlchemy'], ['pydantic', 'Pydantic'],
  ['github.com/gin-gonic/gin', 'Gin'], ['github.com/spf13/cobra', 'Cobra'], ['google.golang.org/grpc', 'gRPC'], ['github.com/stretchr/testify', 'testify'],
  ['tokio', 'Tokio'], ['serde', 'Serde'], ['actix-web', 'Actix Web'], ['axum', 'Axum'], ['clap', 'clap'], ['rails', 'Ruby on Rails'],
  ['rspec', 'RSpec'], ['spring-boot', 'Spring Boot'], ['laravel/framework', 'Laravel'],
]);

/** Manifests whose dependencies name frameworks and tools. */
export const MANIFEST = /(^|\/)(package\.json|requirements[^/]*\.txt|pyproject\.toml|go\.mod|cargo\.toml|gemfile|composer\.json)$/i;

const DAY = 86_400_000;

/**
 * Skills shown by the PRs: languages by file type, frameworks and tools from manifests the
 * PR touched and from paths, each weighted by the PR's impact and its recency (half-life
 * one year before `asOf`), listing the PRs that show it. Heaviest first.
 */
export function skillsFrom(records: readonly AchievementRecord[], asOf: string): Skill[] {
  // PR refs in a Set per skill: a prolific author's language skill lists thousands of PRs
  const skills = new Map<string, { skill: Skill; refs: Set<string> }>();
  const add = (name: string, kind: Skill['kind'], weight: number, ref: string) => {
    let entry = skills.get(name);
    if (!entry) skills.set(name, (entry = { skill: { name, kind, weight: 0, prs: [] }, refs: new Set() }));
    entry.skill.weight += weight;
    entry.refs.add(ref);
  };
  const end = Date.parse(asOf);
  for (const pr of records) {
    const ref = `${pr.repository}#${pr.number}`;
    const ageDays = Math.max(0, (end - Date.parse(pr.mergedAt)) / DAY);
    const weight = Math.max(1, pr.impact.score) * Math.pow(0.5, ageDays / 365);
    for (const file of pr.files) {
      const language = languageOf(file.path);
      if (language) add(language, 'language', weight / Math.max(1, pr.files.length), ref);
      for (const [pattern, name, kind] of PATH_TOOLS) if (pattern.test(file.path)) add(name, kind, weight / Math.max(1, pr.files.length), ref);
    }
    for (const dep of pr.dependencies) {
      const name = KNOWN_DEPENDENCIES.get(dep.toLowerCase());
      if (name) add(name, 'framework', weight / 4, ref);
    }
  }
  return [...skills.values()]
    .map(({ skill, refs }) => ({ ...skill, weight: Math.round(skill.weight * 10) / 10, prs: [...refs] }))
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
}

/** Dependency names from a manifest's text, by file name; [] for one it cannot read. */
export function dependenciesFromManifest(path: string, text: string): string[] {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  try {
    if (name === 'package.json' || name === 'composer.json') {
      const json = JSON.parse(text) as Record<string, unknown>;
      const keys = ['dependencies', 'devDependencies', 'peerDependencies', 'require', 'require-dev'];
      return keys.flatMap((k) => (json[k] && typeof json[k] === 'object' ? Object.keys(json[k] as object) : []));
    }
  } catch {
    return [];
  }
  if (name.startsWith('requirements')) return text.split('\n').map((l) => l.trim().split(/[\s=<>~![;]/)[0] ?? '').filter((d) => d !== '' && !d.startsWith('#') && !d.startsWith('-'));
  if (name === 'go.mod') return [...text.matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/[^\s]+)\s+v/gim)].map((m) => m[1] ?? '');
  if (name === 'cargo.toml' || name === 'pyproject.toml') return [...text.matchAll(/^\s*"?([A-Za-z0-9_.-]+)"?\s*(=|>=|==|~=|\^)/gm)].map((m) => m[1] ?? '').concat([...text.matchAll(/"([A-Za-z0-9_.-]+)\s*[><=~!]/g)].map((m) => m[1] ?? ''));
  if (name === 'gemfile') return [...text.matchAll(/^\s*gem\s+["']([^"']+)["']/gm)].map((m) => m[1] ?? '');
  return [];
}
