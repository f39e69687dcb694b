// Builds a large, realistic, deterministic git repository for the benchmark by
// streaming one `git fast-import` script (no shell, no per-commit git calls).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  BOTS, COMMUNITY_FILES, GITHUB, NPM_DEPS, SPECIAL_PATHS,
  createPeople, createRandom, createZipf, extOf, makeBinary, makeBranchName, makeLine, makePath,
  makeTitle, renderLockfile, renderPackageJson, renderText,
} from './synthetic-content.mjs';

/** Bump when the generated history changes, so cached benchmark repositories are rebuilt. */
export const GENERATOR_VERSION = 1;

// Fixed end of history so the same seed always gives the same commit SHAs.
const END = Date.UTC(2026, 10, 1) / 1000;
const SPAN = Math.round(6 * 365.25 * 86400);
const START = END - SPAN;
const FEATURE_REF = 'refs/heads/_synthetic-pr';

/**
 * History shapes. `github`: a GitHub-hosted project (merge and squash pull requests, bots,
 * many small files). `git`: a mailing-list project like git/git (long-lived files of hundreds
 * to thousands of lines, a quarter of commits topic-branch merges by one maintainer, rare squashes).
 */
export const SHAPES = ['github', 'git'];

/**
 * Generates `commits` commits reachable from `main` (HEAD) in a new repository at `dir`,
 * then checks out a work tree. Returns what was generated, for validation.
 */
export async function generateSyntheticRepo(dir, { commits, authors = 400, seed = 1, shape = 'github', log = defaultLog } = {}) {
  if (!Number.isInteger(commits) || commits < 20) throw new Error(`commits must be an integer >= 20, got ${commits}`);
  if (!Number.isInteger(authors) || authors < 2) throw new Error(`authors must be an integer >= 2, got ${authors}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!SHAPES.includes(shape)) throw new Error(`shape must be one of ${SHAPES.join(', ')}, got ${shape}`);
  if (existsSync(path.join(dir, '.git'))) throw new Error(`${dir} already contains a git repository; pass an empty or new directory`);

  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  await git(dir, ['init', '-q', '--initial-branch=main']);
  const importer = startFastImport(dir);
  const history = createHistory({ commits, authors, seed, shape, out: importer.writer });
  let nextReport = Math.max(10_000, Math.ceil(commits / 10));
  for (const count of history.steps()) {
    await importer.writer.drained();
    if (count >= nextReport) {
      log(`synthetic repo: ${count}/${commits} commits (${seconds(started)} s)`);
      nextReport += Math.max(10_000, Math.ceil(commits / 10));
    }
  }
  await importer.finish();
  log(`synthetic repo: fast-import done (${seconds(started)} s); checking out work tree`);
  await git(dir, ['update-ref', '-d', FEATURE_REF]);
  await git(dir, ['reset', '-q', '--hard', 'refs/heads/main']);
  const head = (await git(dir, ['rev-parse', 'HEAD'])).trim();
  const summary = { ...history.summary(), head, seed, shape, generatorVersion: GENERATOR_VERSION, seconds: Number(seconds(started)) };
  log(`synthetic repo: ${summary.commits} commits, ${summary.merges} merges, ${summary.authorIdentities} authors, ${summary.files} files in ${summary.seconds} s`);
  return summary;
}

const defaultLog = (line) => process.stderr.write(`${line}\n`);
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

/** The history model: a file tree, people and the event loop that writes fast-import commands. */
function createHistory({ commits: target, authors, seed, shape, out }) {
  const random = createRandom(seed);
  const people = createPeople(random, authors);
  const pickPerson = createZipf(random, people.length, 1.1);
  // The git shape: fewer, long-lived, large files that grow; only its own code paths draw
  // extra random numbers, so the github shape's history (and SHAs) is unchanged.
  const gitShape = shape === 'git';
  const totalFiles = gitShape ? Math.min(1200, Math.max(60, Math.round(target / 80))) : Math.min(3500, Math.max(150, Math.round(target / 25)));
  const maxLines = gitShape ? 4000 : 60;
  const initialLines = () => (gitShape ? random.int(40, 250) + (random.chance(0.35) ? random.int(300, 2000) : 0) : random.int(5, 40));
  const deps = Object.fromEntries(NPM_DEPS.map((name) => [name, `${random.int(1, 9)}.${random.int(0, 20)}.${random.int(0, 9)}`]));

  const files = new Map(); // path -> { ext, lines, binary, pinned, keep }
  const pool = []; // paths open to random edits
  const poolIndex = new Map();
  const stats = { commits: 0, merges: 0, featureCommits: 0, squashCommits: 0, directCommits: 0, botCommits: 0, renames: 0, deletes: 0, adds: 0 };
  const identities = new Set();
  const tags = [];
  let mark = 0;
  let mainTip = 0;
  let lastTime = START - 1;
  let pr = 0;
  let version = [0, 1, 0];
  const tagCount = Math.min(15, Math.max(3, Math.round(target / 8000)));
  const tagAt = Array.from({ length: tagCount }, (_, k) => Math.floor((target * (k + 1)) / (tagCount + 0.3)));

  // ---- tree model -------------------------------------------------------
  const poolAdd = (p) => { poolIndex.set(p, pool.length); pool.push(p); };
  const poolRemove = (p) => {
    const i = poolIndex.get(p);
    const last = pool.pop();
    poolIndex.delete(p);
    if (last !== p) { pool[i] = last; poolIndex.set(last, i); }
  };
  const freshPath = () => {
    for (;;) {
      const p = makePath(random);
      if (!files.has(p)) return p;
    }
  };
  const newFile = (p, extra = {}) => {
    const ext = extOf(p);
    const file = ext === 'png'
      ? { ext, lines: null, binary: makeBinary(random), ...extra }
      : { ext, lines: Array.from({ length: initialLines() }, () => makeLine(random, ext)), binary: null, ...extra };
    files.set(p, file);
    if (!file.pinned) poolAdd(p);
    return file;
  };
  const contentOf = (p) => {
    const file = files.get(p);
    if (file.binary) return file.binary;
    return file.raw ? `${file.lines.join('\n')}\n` : renderText(file.ext, file.lines, p);
  };
  const editLines = (file) => {
    const { lines } = file;
    const roll = random.next();
    if (roll < 0.45) {
      for (let n = random.int(1, 3); n > 0; n--) lines[random.int(0, lines.length - 1)] = makeLine(random, file.ext);
    } else if (roll < 0.85) {
      const at = random.chance(0.5) ? lines.length : random.int(0, lines.length);
      lines.splice(at, 0, ...Array.from({ length: random.int(1, 6) }, () => makeLine(random, file.ext)));
    } else {
      for (let n = random.int(1, 3); n > 0 && lines.length > 5; n--) lines.splice(random.int(0, lines.length - 1), 1);
    }
    while (lines.length > maxLines) lines.splice(random.int(0, lines.length - 1), 1);
    while (lines.length < 5) lines.push(makeLine(random, file.ext));
  };
  const edit = (p) => {
    const file = files.get(p);
    if (file.binary) file.binary = makeBinary(random);
    else editLines(file);
    return { type: 'M', path: p };
  };
  /** A hot-skewed pool path: old, central files change most (hotspots); binaries rarely. */
  const pickEditable = (taken) => {
    for (let tries = 0; tries < 20; tries++) {
      const p = pool[random.skewed(pool.length, 2.5)];
      if (taken.has(p)) continue;
      if (files.get(p).binary && random.chance(0.8)) continue;
      return p;
    }
    return null;
  };
  const pickRemovable = (taken) => {
    for (let tries = 0; tries < 20; tries++) {
      const p = pool[random.int(0, pool.length - 1)];
      if (!taken.has(p) && !files.get(p).keep) return p;
    }
    return null;
  };

  /** 1–6 file changes: mostly edits, sometimes an added, deleted or renamed file. */
  const changes = () => {
    const weights = [0.35, 0.25, 0.15, 0.1, 0.08, 0.07];
    let roll = random.next();
    let count = 1;
    for (const w of weights) { roll -= w; if (roll <= 0) break; count++; }
    count = Math.min(count, 6);
    const ops = [];
    const taken = new Set();
    const remaining = Math.max(0, target - stats.commits);
    const addProbability = Math.max(0.01, (totalFiles - files.size) / Math.max(1, remaining / 1.3));
    if (random.chance(addProbability)) {
      const p = freshPath();
      newFile(p);
      taken.add(p);
      ops.push({ type: 'M', path: p });
      stats.adds++;
    }
    if (ops.length < count && random.chance(gitShape ? 0.003 : 0.012)) {
      const p = pickRemovable(taken);
      if (p) {
        files.delete(p);
        poolRemove(p);
        taken.add(p);
        ops.push({ type: 'D', path: p });
        stats.deletes++;
      }
    }
    if (ops.length < count && random.chance(gitShape ? 0.003 : 0.01)) {
      const from = pickRemovable(taken);
      if (from) {
        const ext = extOf(from);
        const dirName = path.posix.dirname(random.chance(0.7) ? from : makePath(random));
        const to = `${dirName}/${path.posix.basename(from, `.${ext}`)}${random.int(2, 99)}.${ext}`;
        if (!files.has(to)) {
          files.set(to, files.get(from));
          files.delete(from);
          poolRemove(from);
          poolAdd(to);
          taken.add(from).add(to);
          ops.push({ type: 'R', from, path: to });
          if (random.chance(0.6) && !files.get(to).binary) ops.push(edit(to));
          stats.renames++;
        }
      }
    }
    while (ops.length < count) {
      const p = pickEditable(taken);
      if (!p) break;
      taken.add(p);
      ops.push(edit(p));
    }
    return ops;
  };

  // ---- fast-import output ------------------------------------------------
  const quote = (p) => `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const data = (content) => {
    out.text(`data ${Buffer.byteLength(content)}\n`);
    if (typeof content === 'string') out.text(content);
    else out.bytes(content);
    out.text('\n');
  };
  /** Commands for `ops` with inline blobs, or with marked blobs (returned for a later merge replay). */
  const fileCommands = (ops, { marked }) => {
    const commands = [];
    for (const op of ops) {
      if (op.type === 'D') commands.push(`D ${op.path}\n`);
      else if (op.type === 'R') commands.push(`R ${quote(op.from)} ${quote(op.path)}\n`);
      else if (marked) {
        out.text(`blob\nmark :${++mark}\n`);
        data(contentOf(op.path));
        commands.push(`M 100644 :${mark} ${op.path}\n`);
      } else {
        commands.push({ path: op.path });
      }
    }
    return commands;
  };
  const writeCommands = (commands) => {
    for (const command of commands) {
      if (typeof command === 'string') out.text(command);
      else { out.text(`M 100644 inline ${command.path}\n`); data(contentOf(command.path)); }
    }
  };
  const nextTime = () => {
    const curve = START + Math.floor((SPAN - 3600) * Math.pow(Math.min(1, stats.commits / target), 0.8));
    lastTime = Math.max(lastTime + random.int(1, 120), curve + random.int(0, 900));
    return Math.min(lastTime, END);
  };
  const who = (person, time) => `${person.name} <${person.alias && random.chance(0.3) ? person.alias : person.email}> ${time} ${person.tz}`;
  /** Writes one commit; returns its mark. `onMain` commits count toward the target and identities. */
  const commit = ({ ref = 'refs/heads/main', author, committer = author, authorLag = 0, message, from, merge, commands, onMain = true }) => {
    const time = nextTime();
    const authorLine = who(author, Math.max(START, time - authorLag));
    out.text(`commit ${ref}\nmark :${++mark}\nauthor ${authorLine}\ncommitter ${committer === author ? authorLine : who(committer, time)}\n`);
    data(message);
    if (from) out.text(`from :${from}\n`);
    if (merge) out.text(`merge :${merge}\n`);
    writeCommands(commands);
    out.text('\n');
    if (onMain) {
      stats.commits++;
      identities.add(authorLine.slice(0, authorLine.indexOf('>') + 1));
      if (author.login === BOTS.dependabot.login || author.login === BOTS.actions.login) stats.botCommits++;
    }
    return mark;
  };
  const human = () => people[pickPerson()];
  const maintainer = () => people[random.int(0, Math.min(4, people.length - 1))];
  const nextPr = () => (pr += 1 + (random.chance(0.4) ? random.int(1, 3) : 0));

  // ---- events ------------------------------------------------------------
  const initial = () => {
    for (const [p, text] of Object.entries(COMMUNITY_FILES)) {
      files.set(p, { ext: extOf(p), lines: text.replace(/\n$/, '').split('\n'), binary: null, pinned: true, raw: true });
    }
    for (const p of ['package.json', 'package-lock.json', 'docs/api/reference.md']) files.set(p, { ext: 'json', lines: [], binary: null, pinned: true, raw: true });
    setPackageFiles();
    files.get('docs/api/reference.md').lines = Array.from({ length: 30 }, () => makeLine(random, 'md'));
    for (const p of SPECIAL_PATHS) newFile(p, { keep: true });
    while (files.size < Math.round(totalFiles * 0.35)) newFile(freshPath());
    // Hotness follows pool position (see pickEditable); shuffle so it is not insertion order.
    for (let i = pool.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
      poolIndex.set(pool[i], i).set(pool[j], j);
    }
    const commands = fileCommands([...files.keys()].sort().map((p) => ({ type: 'M', path: p })), { marked: false });
    mainTip = commit({ author: people[0], message: 'Initial commit\n', commands });
    stats.directCommits++;
  };
  const setPackageFiles = () => {
    const v = version.join('.');
    files.get('package.json').lines = renderPackageJson(v, deps).replace(/\n$/, '').split('\n');
    files.get('package-lock.json').lines = renderLockfile(v, deps).replace(/\n$/, '').split('\n');
  };
  const direct = () => {
    const author = human();
    if (random.chance(0.03)) {
      const p = random.pick(['README.md', 'CONTRIBUTING.md', '.github/workflows/ci.yml']);
      editLines(files.get(p));
      mainTip = commit({ author, message: `Update ${path.posix.basename(p)}\n`, commands: fileCommands([{ type: 'M', path: p }], { marked: false }) });
    } else {
      const body = random.chance(0.3) ? `\n\n${makeTitle(random)} and ${makeTitle(random).toLowerCase()}.\n` : '\n';
      mainTip = commit({ author, message: `${makeTitle(random)}${body}`, commands: fileCommands(changes(), { marked: false }) });
    }
    stats.directCommits++;
  };
  const squash = (author = human(), title = makeTitle(random), ops = changes()) => {
    const number = nextPr();
    const bullets = Array.from({ length: random.int(1, 4) }, () => `* ${makeTitle(random)}`).join('\n');
    const commands = fileCommands(ops, { marked: false });
    mainTip = commit({ author, committer: GITHUB, authorLag: random.int(600, 3 * 86400), message: `${title} (#${number})\n\n${bullets}\n`, commands });
    stats.squashCommits++;
  };
  const pullRequest = (author, featureCommits, title, branch, makeOps = changes) => {
    const number = nextPr();
    const replay = [];
    let tip = 0;
    for (let j = 0; j < featureCommits; j++) {
      const commands = fileCommands(makeOps(), { marked: true });
      replay.push(...commands);
      const message = j === 0 ? `${title}\n` : `${random.pick(['Address review comments', 'Fix tests', 'wip', 'Apply suggestions from code review', makeTitle(random)])}\n`;
      tip = commit({ ref: FEATURE_REF, author, message, from: j === 0 ? mainTip : 0, commands });
      stats.featureCommits++;
    }
    mainTip = commit({ author: maintainer(), committer: GITHUB, message: `Merge pull request #${number} from ${branch}\n\n${title}\n`, from: mainTip, merge: tip, commands: replay });
    stats.merges++;
  };
  /** A topic branch merged by the maintainer with git's own merge message (not a PR). */
  const topic = (remaining) => {
    const author = human();
    const name = `${author.login.slice(0, 2)}/${makeBranchName(random)}`;
    const replay = [];
    const subjects = [];
    let tip = 0;
    const featureCommits = Math.min(remaining - 1, random.int(1, 5));
    for (let j = 0; j < featureCommits; j++) {
      const commands = fileCommands(changes(), { marked: true });
      replay.push(...commands);
      const subject = makeTitle(random);
      subjects.push(subject);
      tip = commit({ ref: FEATURE_REF, author, message: `${subject}\n\nSigned-off-by: ${author.name} <${author.email}>\n`, from: j === 0 ? mainTip : 0, commands });
      stats.featureCommits++;
    }
    const body = subjects.map((subject) => `  ${subject}`).join('\n');
    mainTip = commit({ author: people[0], message: `Merge branch '${name}'\n\n* ${name}:\n${body}\n`, from: mainTip, merge: tip, commands: replay });
    stats.merges++;
  };
  const dependabot = (remaining) => {
    const dep = random.pick(NPM_DEPS);
    const old = deps[dep];
    const [major, minor, patch] = old.split('.').map(Number);
    deps[dep] = random.chance(0.8) ? `${major}.${minor}.${patch + 1}` : `${major}.${minor + 1}.0`;
    const title = `Bump ${dep} from ${old} to ${deps[dep]}`;
    const ops = () => { setPackageFiles(); return [{ type: 'M', path: 'package.json' }, { type: 'M', path: 'package-lock.json' }]; };
    if (remaining >= 2 && random.chance(0.5)) pullRequest(BOTS.dependabot, 1, title, `dependabot/npm_and_yarn/${dep}-${deps[dep]}`, ops);
    else squash(BOTS.dependabot, title, ops());
  };
  const regenerateDocs = () => {
    editLines(files.get('docs/api/reference.md'));
    mainTip = commit({ author: BOTS.actions, message: 'docs: regenerate API reference [skip ci]\n', commands: fileCommands([{ type: 'M', path: 'docs/api/reference.md' }], { marked: false }) });
    stats.directCommits++;
  };
  const release = (index) => {
    version = index === Math.floor(tagCount / 2) ? [version[0] + 1, 0, 0] : random.chance(0.7) ? [version[0], version[1] + 1, 0] : [version[0], version[1], version[2] + 1];
    const name = `v${version.join('.')}`;
    setPackageFiles();
    const changelog = files.get('CHANGELOG.md').lines;
    changelog.splice(2, 0, `## ${name}`, '', ...Array.from({ length: random.int(2, 6) }, () => `- ${makeTitle(random)}`), '');
    const commands = fileCommands([{ type: 'M', path: 'CHANGELOG.md' }, { type: 'M', path: 'package.json' }, { type: 'M', path: 'package-lock.json' }], { marked: false });
    mainTip = commit({ author: BOTS.actions, message: `chore(release): ${name}\n`, commands });
    stats.directCommits++;
    const annotated = index === 0 || random.chance(0.6);
    if (annotated) {
      out.text(`tag ${name}\nfrom :${mainTip}\ntagger ${who(maintainer(), lastTime + 60)}\n`);
      data(`Release ${name}\n`);
    } else {
      out.text(`reset refs/tags/${name}\nfrom :${mainTip}\n\n`);
    }
    tags.push({ name, annotated });
  };
  const openBranches = () => {
    // Unmerged work: not reachable from HEAD, so they do not count toward `commits`.
    for (let b = 0; b < 2; b++) {
      const author = human();
      const commands = fileCommands(changes(), { marked: false });
      commit({ ref: `refs/heads/${author.login}/${makeBranchName(random)}`, author, message: `${makeTitle(random)}\n`, from: mainTip, commands, onMain: false });
    }
  };

  function* steps() {
    out.text('feature done\n');
    initial();
    yield stats.commits;
    let nextTag = 0;
    while (stats.commits < target) {
      while (nextTag < tagCount && stats.commits >= tagAt[nextTag] && stats.commits < target) release(nextTag++);
      const remaining = target - stats.commits;
      if (remaining <= 0) break;
      const roll = random.next();
      if (gitShape) {
        if (roll < 0.01) squash();
        else if (roll < 0.1 || remaining < 2) direct();
        else topic(remaining);
        yield stats.commits;
        continue;
      }
      if (roll < 0.02) dependabot(remaining);
      else if (roll < 0.025) regenerateDocs();
      else if (roll < 0.175 && remaining >= 2) {
        const author = human();
        const featureCommits = Math.min(remaining - 1, random.chance(0.5) ? 1 : random.int(2, 4));
        pullRequest(author, featureCommits, makeTitle(random), `${author.login}/${makeBranchName(random)}`);
      }
      else if (roll < 0.425) squash();
      else direct();
      yield stats.commits;
    }
    openBranches();
    out.text('done\n');
  }

  return {
    steps,
    summary: () => ({
      commits: stats.commits,
      merges: stats.merges,
      featureCommits: stats.featureCommits,
      squashCommits: stats.squashCommits,
      directCommits: stats.directCommits,
      botCommits: stats.botCommits,
      authorIdentities: identities.size,
      humanPeople: people.length,
      pullRequests: pr,
      tags,
      files: files.size,
      adds: stats.adds,
      deletes: stats.deletes,
      renames: stats.renames,
      specialPaths: SPECIAL_PATHS,
    }),
  };
}

/** fast-import as a child process; `writer` batches text and bytes into ~1 MB writes with backpressure. */
function startFastImport(dir) {
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  const exited = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  child.stdin.on('error', () => {}); // EPIPE if fast-import dies; reported from its exit code below
  const failure = async () => {
    const code = await exited;
    return new Error(`git fast-import failed (exit ${code}): ${Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(0, 5).join(' | ')}`);
  };

  let pending = [];
  let pendingText = '';
  let size = 0;
  const writer = {
    text(s) { pendingText += s; size += s.length; },
    bytes(buffer) { pending.push(Buffer.from(pendingText, 'utf8'), buffer); pendingText = ''; size += buffer.length; },
    async drained(force = false) {
      if (size < (1 << 20) && !force) return;
      pending.push(Buffer.from(pendingText, 'utf8'));
      const chunk = Buffer.concat(pending);
      pending = [];
      pendingText = '';
      size = 0;
      if (child.stdin.write(chunk)) return;
      const drain = new Promise((resolve) => child.stdin.once('drain', () => resolve('drain')));
      if ((await Promise.race([drain, exited])) !== 'drain') throw await failure();
    },
  };
  return {
    writer,
    async finish() {
      await writer.drained(true);
      child.stdin.end();
      if ((await exited) !== 0) throw await failure();
    },
  };
}

/** Runs git to completion without a shell; returns stdout as UTF-8. */
export function git(cwd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`git ${args.join(' ')} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`));
    });
  });
}
