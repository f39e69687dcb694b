// A deterministic synthetic GitHub organization of any size: the same options always give
// the same repositories, people, issues, pull requests, releases and commits. Teams of
// people work on themed groups of repositories, so the collaboration network has
// communities and the topics have clusters; a few repositories are archived, dormant,
// empty, or carry citations, so every analysis has something to find.

import { seededRandom } from '../../shared/research/seeded-random';

export interface SyntheticOrgOptions {
  login?: string;
  kind?: 'Organization' | 'User';
  repositories: number;
  seed?: number;
  /** Unix seconds the data is relative to (default 2026-06-01T12:00:00Z). */
  now?: number;
  /** Put HTML/script/Markdown-breaking text in one repository's description, topics and README. */
  hostile?: boolean;
}

export interface SynthEntry {
  name: string;
  type: 'blob' | 'tree';
  children?: SynthEntry[];
}

export interface SynthComment {
  login: string;
  type: 'User' | 'Bot';
  createdAt: string;
}

export interface SynthIssue {
  number: number;
  title: string;
  state: 'OPEN' | 'CLOSED';
  author: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  labels: string[];
  comments: SynthComment[];
}

export interface SynthPullRequest extends Omit<SynthIssue, 'state'> {
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  mergedAt: string | null;
  additions: number;
  deletions: number;
  changedFiles: number;
  headRefName: string;
  reviews: SynthComment[];
  /** issues the PR closes (achievements tests); when absent the fake derives one from a "bug" label */
  closingIssues?: { number: number; labels: string[] }[];
}

export interface SynthRelease {
  tagName: string;
  name: string;
  publishedAt: string;
  isPrerelease: boolean;
}

export interface SynthCommit {
  oid: string;
  committedDate: string;
  login: string | null;
  name: string;
  additions: number;
  deletions: number;
}

export interface SynthRepo {
  index: number;
  name: string;
  nodeId: string;
  description: string | null;
  topics: string[];
  languages: { name: string; size: number }[];
  license: string | null;
  isArchived: boolean;
  isFork: boolean;
  isEmpty: boolean;
  /** a private repository the fake's token cannot read: search leaves it out, lookups find nothing */
  unreadable?: boolean;
  stars: number;
  forks: number;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  headOid: string;
  root: SynthEntry[];
  workflows: string[];
  files: Map<string, string>;
  issues: SynthIssue[];
  pulls: SynthPullRequest[];
  releases: SynthRelease[];
  commits: SynthCommit[];
  contributors: { login: string; type: 'User' | 'Bot'; contributions: number }[];
}

const THEMES = [
  { topics: ['machine-learning', 'deep-learning', 'pytorch'], words: ['neural', 'tensor', 'training', 'model', 'inference', 'gradient'], language: 'Python' },
  { topics: ['bioinformatics', 'genomics', 'sequencing'], words: ['genome', 'alignment', 'variant', 'sequence', 'protein', 'assembly'], language: 'Python' },
  { topics: ['web', 'frontend', 'react'], words: ['component', 'browser', 'render', 'router', 'dashboard', 'widget'], language: 'TypeScript' },
  { topics: ['cli', 'developer-tools', 'productivity'], words: ['terminal', 'command', 'shell', 'prompt', 'config', 'plugin'], language: 'Go' },
  { topics: ['security', 'cryptography', 'audit'], words: ['cipher', 'signature', 'vulnerability', 'scanner', 'secret', 'policy'], language: 'Rust' },
  { topics: ['devops', 'kubernetes', 'infrastructure'], words: ['cluster', 'deploy', 'container', 'helm', 'pipeline', 'monitoring'], language: 'Go' },
  { topics: ['visualization', 'charts', 'data'], words: ['chart', 'plot', 'graph', 'colour', 'axis', 'dataset'], language: 'JavaScript' },
  { topics: ['database', 'storage', 'sql'], words: ['query', 'index', 'storage', 'transaction', 'replica', 'schema'], language: 'C++' },
];
const ADJECTIVES = ['fast', 'tiny', 'robust', 'simple', 'modern', 'lazy', 'open', 'smart', 'quiet', 'bright'];
const NOUNS = ['toolkit', 'engine', 'library', 'service', 'runner', 'kit', 'lab', 'core', 'studio', 'bench'];
const LICENSES = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-3.0', null];
const LABELS = ['bug', 'enhancement', 'documentation', 'good first issue', 'question'];
const FIRST = ['ada', 'brian', 'chen', 'dana', 'emre', 'fatima', 'gus', 'hana', 'ivan', 'jules', 'kofi', 'lena', 'mateo', 'nia', 'omar', 'priya', 'quinn', 'rosa', 'sven', 'tariq', 'uma', 'vera', 'wen', 'ximena', 'yusuf', 'zoe'];
const DAY = 86_400;
export const DEFAULT_NOW = Date.parse('2026-06-01T12:00:00Z') / 1000;

export const HOSTILE_TEXT = {
  description: '<img src=x onerror=alert(1)> </script><script>alert(2)</script> | pipe # heading',
  topic: 'xss-<b>bold</b>',
  readmeWord: '<script>alert(3)</script>',
};


function hex(rng: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(rng() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

const iso = (t: number) => new Date(Math.round(t) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The organization a fake GitHub serves; mutate it between ingests to simulate change. */
export class SyntheticOrg {
  readonly login: string;
  readonly kind: 'Organization' | 'User';
  readonly now: number;
  readonly people: string[];
  readonly repos: SynthRepo[] = [];
  private readonly seed: number;
  private changes = 0;

  constructor(options: SyntheticOrgOptions) {
    this.login = options.login ?? 'acme';
    this.kind = options.kind ?? 'Organization';
    this.now = options.now ?? DEFAULT_NOW;
    this.seed = options.seed ?? 42;
    const n = options.repositories;
    const teams = Math.max(2, Math.round(n / 6));
    const perTeam = 5;
    this.people = [];
    for (let t = 0; t < teams; t++) {
      for (let p = 0; p < perTeam; p++) this.people.push(`${FIRST[(t * perTeam + p) % FIRST.length]}-${t}${p}`);
    }
    for (let i = 0; i < n; i++) this.repos.push(this.makeRepo(i, teams, perTeam, Boolean(options.hostile) && i === 1));
  }

  repo(name: string): SynthRepo | undefined {
    const lower = name.toLowerCase();
    return this.repos.find((r) => r.name.toLowerCase() === lower);
  }

  /** A new commit on the default branch now (changes head, pushedAt, commits). */
  push(name: string, login?: string): void {
    const repo = this.mustRepo(name);
    const rng = seededRandom(this.seed + ++this.changes * 7919);
    const t = this.now + this.changes * 60;
    const author = login ?? repo.contributors[0]?.login ?? this.people[0] ?? 'someone';
    repo.headOid = hex(rng, 40);
    repo.pushedAt = iso(t);
    repo.updatedAt = iso(t);
    repo.commits.unshift({ oid: repo.headOid, committedDate: iso(t), login: author, name: author, additions: 5, deletions: 1 });
    const c = repo.contributors.find((x) => x.login === author);
    if (c) c.contributions += 1;
    else repo.contributors.push({ login: author, type: 'User', contributions: 1 });
  }

  /** A new comment on the repository's newest issue (changes the latest issue update time). */
  commentOnIssue(name: string, login: string): void {
    const repo = this.mustRepo(name);
    const t = this.now + ++this.changes * 60;
    const issue = repo.issues[0];
    if (!issue) throw new Error(`${name} has no issues`);
    issue.comments.push({ login, type: 'User', createdAt: iso(t) });
    issue.updatedAt = iso(t);
    repo.issues.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  release(name: string, tagName: string): void {
    const repo = this.mustRepo(name);
    const t = this.now + ++this.changes * 60;
    repo.releases.unshift({ tagName, name: tagName, publishedAt: iso(t), isPrerelease: false });
  }

  remove(name: string): void {
    const index = this.repos.findIndex((r) => r.name === name);
    if (index >= 0) this.repos.splice(index, 1);
  }

  private mustRepo(name: string): SynthRepo {
    const repo = this.repo(name);
    if (!repo) throw new Error(`no synthetic repository ${name}`);
    return repo;
  }

  private makeRepo(i: number, teams: number, perTeam: number, hostile: boolean): SynthRepo {
    const rng = seededRandom(this.seed * 1_000_003 + i * 7_919 + 17);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
    const team = i % teams;
    const theme = THEMES[team % THEMES.length] ?? THEMES[0]!;
    const teamPeople = this.people.slice(team * perTeam, team * perTeam + perTeam);
    const word = pick(theme.words);
    const name = `${word}-${pick(NOUNS)}-${i}`;
    // Health variety: about 6% archived, 15% dormant for years, 3% empty.
    const roll = rng();
    const isEmpty = i > 2 && roll < 0.03;
    const isArchived = !isEmpty && roll > 0.94;
    const dormant = !isEmpty && !isArchived && roll > 0.8;
    const createdAt = this.now - (200 + Math.floor(rng() * 2500)) * DAY;
    const lastPush = isEmpty ? createdAt : dormant || isArchived ? this.now - (400 + Math.floor(rng() * 900)) * DAY : this.now - Math.floor(rng() * 40) * DAY;

    // Contributors: most of the team, sometimes an outsider from the next team, sometimes dependabot.
    const contributors: SynthRepo['contributors'] = [];
    const size = isEmpty ? 0 : 1 + Math.floor(rng() * perTeam);
    for (let k = 0; k < size; k++) {
      const login = teamPeople[(k + i) % teamPeople.length] ?? 'someone';
      contributors.push({ login, type: 'User', contributions: Math.max(1, Math.round(400 / (k + 1) ** 1.5 * (0.5 + rng()))) });
    }
    if (!isEmpty && rng() < 0.25) {
      const outsider = this.people[((team + 1) % teams) * perTeam + Math.floor(rng() * perTeam)];
      if (outsider && !contributors.some((c) => c.login === outsider)) contributors.push({ login: outsider, type: 'User', contributions: 1 + Math.floor(rng() * 30) });
    }
    if (!isEmpty && rng() < 0.3) contributors.push({ login: 'dependabot[bot]', type: 'Bot', contributions: 5 + Math.floor(rng() * 40) });

    const humans = contributors.filter((c) => c.type === 'User');
    const weighted = (): string => {
      const total = humans.reduce((s, c) => s + c.contributions, 0);
      let x = rng() * total;
      for (const c of humans) {
        x -= c.contributions;
        if (x <= 0) return c.login;
      }
      return humans[0]?.login ?? 'someone';
    };

    // Commits in the last year on the default branch (newest first).
    const commits: SynthCommit[] = [];
    if (!isEmpty && humans.length > 0) {
      const count = dormant || isArchived ? 0 : Math.floor(rng() * 120);
      for (let k = 0; k < count; k++) {
        const t = lastPush - Math.floor(rng() * 330 * DAY * (k / Math.max(1, count)) + k * 3600);
        const login = weighted();
        commits.push({ oid: hex(rng, 40), committedDate: iso(t), login, name: login, additions: 1 + Math.floor(rng() * 200), deletions: Math.floor(rng() * 80) });
      }
      commits.sort((a, b) => b.committedDate.localeCompare(a.committedDate));
    }
    const headOid = isEmpty ? '' : (commits[0]?.oid ?? hex(rng, 40));

    // Issues and pull requests, with responses after a team-specific delay.
    const responsiveHours = [2, 12, 48, 200, 900][team % 5] ?? 24;
    const issues: SynthIssue[] = [];
    const pulls: SynthPullRequest[] = [];
    if (!isEmpty && humans.length > 0) {
      const issueCount = Math.floor(rng() * 40);
      let number = 1;
      for (let k = 0; k < issueCount; k++) {
        const created = lastPush - Math.floor(rng() * 500 * DAY);
        const author = rng() < 0.5 ? pick(this.people) : weighted();
        const responder = weighted();
        const comments: SynthComment[] = [];
        if (rng() < 0.85 && responder !== author) comments.push({ login: responder, type: 'User', createdAt: iso(created + responsiveHours * 3600 * (0.3 + rng())) });
        const closed = rng() < 0.6;
        const closedAt = closed ? created + (1 + rng() * 60) * DAY : null;
        const updated = Math.max(created, closedAt ?? 0, ...comments.map((c) => Date.parse(c.createdAt) / 1000));
        issues.push({
          number: number++,
          title: `${pick(['Crash', 'Support', 'Docs', 'Slow', 'Add'])} ${pick(theme.words)} ${pick(['on start', 'in v2', 'for users', 'with large input'])}`,
          state: closed ? 'CLOSED' : 'OPEN',
          author,
          createdAt: iso(created),
          updatedAt: iso(updated),
          closedAt: closedAt ? iso(closedAt) : null,
          labels: rng() < 0.7 ? [pick(LABELS)] : [],
          comments,
        });
      }
      const prCount = Math.floor(rng() * 45);
      for (let k = 0; k < prCount; k++) {
        const created = lastPush - Math.floor(rng() * 400 * DAY);
        const author = weighted();
        const reviewer = humans.find((h) => h.login !== author)?.login;
        const reviews: SynthComment[] = reviewer && rng() < 0.8 ? [{ login: reviewer, type: 'User', createdAt: iso(created + responsiveHours * 1800 * (0.3 + rng())) }] : [];
        const r = rng();
        const state: SynthPullRequest['state'] = r < 0.7 ? 'MERGED' : r < 0.85 ? 'CLOSED' : 'OPEN';
        const closedAt = state === 'OPEN' ? null : created + (0.2 + rng() * 10) * DAY;
        pulls.push({
          number: number++,
          title: `${pick(['Fix', 'Add', 'Speed up', 'Refactor', 'Document'])} ${pick(theme.words)} ${pick(['handling', 'support', 'tests', 'API'])}`,
          state,
          author,
          createdAt: iso(created),
          updatedAt: iso(Math.max(created, closedAt ?? 0)),
          closedAt: closedAt ? iso(closedAt) : null,
          mergedAt: state === 'MERGED' && closedAt ? iso(closedAt) : null,
          labels: rng() < 0.4 ? [pick(LABELS)] : [],
          comments: [],
          reviews,
          additions: Math.floor(rng() * 400),
          deletions: Math.floor(rng() * 150),
          changedFiles: 1 + Math.floor(rng() * 12),
          headRefName: `feature-${k}`,
        });
      }
      issues.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      pulls.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    }

    const releases: SynthRelease[] = [];
    if (!isEmpty && rng() < 0.6) {
      const count = 1 + Math.floor(rng() * 12);
      const every = (30 + rng() * 120) * DAY;
      for (let k = 0; k < count; k++) {
        releases.push({ tagName: `v${count - k}.0.0`, name: `v${count - k}.0.0`, publishedAt: iso(lastPush - k * every), isPrerelease: false });
      }
    }

    // Files: README always (but in empty repos), the rest by chance.
    const files = new Map<string, string>();
    const root: SynthEntry[] = [];
    const workflows: string[] = [];
    const description = hostile ? HOSTILE_TEXT.description : rng() < 0.9 ? `${cap(pick(ADJECTIVES))} ${word} ${pick(NOUNS)} for ${theme.topics[0]?.replace(/-/g, ' ')} ${pick(theme.words)} work` : null;
    const license = pick(LICENSES);
    if (!isEmpty) {
      const citations: string[] = [];
      if (rng() < 0.2) citations.push(`If you use this, please cite https://doi.org/10.${5000 + (i % 7)}/example.${team}.${i % 3}`);
      if (rng() < 0.12) citations.push(`Preprint: arXiv:23${String(10 + (team % 3)).padStart(2, '0')}.${String(10000 + team * 37).slice(0, 5)}`);
      if (rng() < 0.1) citations.push(`[![DOI](https://zenodo.org/badge/DOI/10.5281/zenodo.${800000 + i}.svg)](https://doi.org/10.5281/zenodo.${800000 + i})`);
      const readme = [
        `# ${name}`,
        '',
        description ?? '',
        '',
        `This ${pick(NOUNS)} helps with ${theme.words.slice(0, 3).join(', ')} and ${pick(theme.words)} tasks.`,
        `It supports ${pick(theme.words)} ${pick(theme.words)} workflows for ${theme.topics.join(' and ')} teams.`,
        hostile ? HOSTILE_TEXT.readmeWord : '',
        ...citations,
      ].join('\n');
      files.set('README.md', readme);
      root.push({ name: 'README.md', type: 'blob' });
      if (license) {
        files.set('LICENSE', `${license} licence text`);
        root.push({ name: 'LICENSE', type: 'blob' });
      }
      if (rng() < 0.4) root.push({ name: 'CONTRIBUTING.md', type: 'blob' });
      if (rng() < 0.3) root.push({ name: 'CODE_OF_CONDUCT.md', type: 'blob' });
      if (rng() < 0.3) root.push({ name: 'CHANGELOG.md', type: 'blob' });
      if (rng() < 0.2) root.push({ name: 'SECURITY.md', type: 'blob' });
      if (rng() < 0.15) {
        const cff = [
          'cff-version: 1.2.0',
          'message: "If you use this software, please cite it as below."',
          `title: "${name}: ${theme.topics[0]} ${pick(NOUNS)}"`,
          'authors:',
          `  - family-names: "${cap(humans[0]?.login.split('-')[0] ?? 'Doe')}"`,
          '    given-names: "A."',
          '    orcid: "https://orcid.org/0000-0002-1825-0097"',
          `doi: 10.5281/zenodo.${900000 + i}`,
          `version: ${releases[0]?.tagName.replace(/^v/, '') ?? '1.0.0'}`,
          `date-released: ${(releases[0]?.publishedAt ?? iso(createdAt)).slice(0, 10)}`,
        ].join('\n');
        files.set('CITATION.cff', cff);
        root.push({ name: 'CITATION.cff', type: 'blob' });
      }
      const ext = { Python: 'py', TypeScript: 'ts', Go: 'go', Rust: 'rs', JavaScript: 'js', 'C++': 'cpp' }[theme.language] ?? 'txt';
      root.push({ name: 'src', type: 'tree', children: [{ name: `main.${ext}`, type: 'blob' }, { name: `util.${ext}`, type: 'blob' }] });
      if (rng() < 0.6) root.push({ name: 'tests', type: 'tree', children: [{ name: `test_main.${ext}`, type: 'blob' }] });
      if (rng() < 0.6) {
        const gh: SynthEntry[] = [{ name: 'workflows', type: 'tree' }];
        workflows.push('ci.yml');
        if (rng() < 0.5) gh.push({ name: 'dependabot.yml', type: 'blob' });
        root.push({ name: '.github', type: 'tree', children: gh });
      }
      if (rng() < 0.4) root.push({ name: '.editorconfig', type: 'blob' });
      root.sort((a, b) => a.name.localeCompare(b.name));
    }
    const languages = isEmpty
      ? []
      : [
          { name: theme.language, size: 20_000 + Math.floor(rng() * 400_000) },
          ...(rng() < 0.6 ? [{ name: pick(['Shell', 'Dockerfile', 'Makefile', 'HTML', 'CSS']), size: 500 + Math.floor(rng() * 10_000) }] : []),
        ];
    const topics = hostile ? [...theme.topics.slice(0, 2), HOSTILE_TEXT.topic] : theme.topics.filter(() => rng() < 0.75);
    const updatedAt = Math.max(lastPush, ...issues.slice(0, 1).map((x) => Date.parse(x.updatedAt) / 1000));
    return {
      index: i,
      name,
      nodeId: `R_kgDO${hex(rng, 8)}`,
      description,
      topics,
      languages,
      license: isEmpty ? null : license,
      isArchived,
      isFork: !isEmpty && rng() < 0.05,
      isEmpty,
      stars: Math.floor(rng() ** 3 * 3000),
      forks: Math.floor(rng() ** 3 * 300),
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
      pushedAt: iso(lastPush),
      headOid,
      root,
      workflows,
      files,
      issues,
      pulls,
      releases,
      commits,
      contributors: contributors.sort((a, b) => b.contributions - a.contributions),
    };
  }
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
