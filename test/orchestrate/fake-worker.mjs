#!/usr/bin/env node
// A fake AI coding worker for the orchestration tests and benchmark. It reads directives from
// its prompt (the last argument) as `[[fake a=1 b c=x]]` and prints JSON lines like Claude
// Code's stream: {"type":"progress"} and a final {"type":"result"}. Directives:
//   sleep=MS          work this long (a progress line every 500 ms)
//   edit=PATH         write PATH (repeatable); edit-scope writes FAKE.md in the data's folder
//   fail              report an error result and exit 1      exit=N   exit N with no result
//   hang              print nothing and never end            flood    print lines without end
//   garbage           print lines that are not JSON, exit 0  ignore-term  ignore SIGTERM and hang
//   spawn-child       leave a child process running after exiting (same process group)
//   linger            after the result, stay alive           abort    die of SIGABRT
//   fail-until=N,F    fail until attempt N, counting attempts in file F
//   hang-once=F       hang (writing its pid to F) when F does not exist yet; else succeed
//   ignore-epipe      keep running when its output has no reader any more (its engine died)
//   trace=F           append "<pid> start|end <epoch ms>" lines to F when it starts and exits
//   needs-input       finish with a question for the user (needs_input in its result); once the
//                     prompt carries the user's answer, write it to ANSWER.md and succeed
//   fail-answered     with needs-input: once answered, write ANSWER.md and then fail
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const prompt = process.argv[process.argv.length - 1] ?? '';
const match = /\[\[fake([^\]]*)\]\]/.exec(prompt);
const directives = new Map();
for (const word of (match?.[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
  const eq = word.indexOf('=');
  const key = eq === -1 ? word : word.slice(0, eq);
  const value = eq === -1 ? true : word.slice(eq + 1);
  directives.set(key, directives.has(key) ? [].concat(directives.get(key), value) : value);
}
const has = (k) => directives.has(k);
const get = (k) => directives.get(k);
const out = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function scopeOf() {
  const data = /<<<data:[^\n]*>>>\n([\s\S]*?)\n<<<end of data>>>/.exec(prompt);
  if (!data) return '.';
  const value = JSON.parse(data[1]);
  if (value.package) return value.package;
  if (value.directory) return value.directory;
  if (value.file) return path.dirname(value.file);
  return '.';
}

if (has('trace')) {
  const trace = String(get('trace'));
  fs.appendFileSync(trace, `${process.pid} start ${Date.now()}\n`);
  process.on('exit', () => fs.appendFileSync(trace, `${process.pid} end ${Date.now()}\n`));
}

// Node ends a process whose stdout write fails with EPIPE; a worker that does not check its
// writes keeps running when its engine dies.
if (has('ignore-epipe')) process.stdout.on('error', () => undefined);

async function main() {
  out({ type: 'progress', text: `fake worker ${process.pid} started in ${process.cwd()}` });
  if (has('ignore-term')) {
    process.on('SIGTERM', () => out({ type: 'progress', text: 'ignoring SIGTERM' }));
    for (;;) await sleep(1000);
  }
  if (has('hang')) for (;;) await sleep(60_000);
  if (has('hang-once')) {
    const file = String(get('hang-once'));
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, String(process.pid));
      for (;;) await sleep(60_000);
    }
  }
  if (has('flood')) {
    const line = `${'x'.repeat(200)}\n`;
    for (;;) if (!process.stdout.write(JSON.stringify({ type: 'progress', text: line }) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
  }
  if (has('garbage')) {
    for (let i = 0; i < 20; i++) process.stdout.write(`\u0000\u00ff garbage ${i} {not json\n`);
    return 0;
  }
  if (has('spawn-child')) {
    // Same process group, not waited for: the runner must end it.
    spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }).unref();
  }
  if (has('abort')) process.kill(process.pid, 'SIGABRT');
  if (has('exit')) process.exit(Number(get('exit')));
  const ms = Number(get('sleep') ?? 0);
  const started = Date.now();
  while (Date.now() - started < ms) {
    await sleep(Math.min(500, ms - (Date.now() - started)));
    if (Date.now() - started < ms) out({ type: 'progress', text: 'working' });
  }
  if (has('fail-until')) {
    const [n, file] = String(get('fail-until')).split(',');
    const count = (fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0) + 1;
    fs.writeFileSync(file, String(count));
    if (count < Number(n)) {
      out({ type: 'result', is_error: true, text: `failing on purpose (attempt ${count})` });
      return 1;
    }
  }
  if (has('fail')) {
    out({ type: 'result', is_error: true, text: 'failing on purpose' });
    return 1;
  }
  for (const file of [].concat(get('edit') ?? [])) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `edited by the fake worker\n`);
    out({ type: 'progress', text: `wrote ${file}` });
  }
  if (has('edit-scope')) {
    const file = path.join(scopeOf(), 'FAKE.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `edited by the fake worker for ${scopeOf()}\n`);
  }
  const answer = /^The user's answer: (.*)$/m.exec(prompt)?.[1];
  if (has('needs-input') && answer !== undefined) {
    fs.writeFileSync('ANSWER.md', `${answer}\n`);
    out({ type: 'progress', text: 'wrote ANSWER.md' });
    if (has('fail-answered')) {
      out({ type: 'result', is_error: true, text: 'could not use the answer' });
      return 1;
    }
  } else if (has('needs-input')) {
    out({ type: 'result', text: 'Which database should I migrate, Postgres or SQLite?', needs_input: 'The fake worker asked which database to migrate', cost_usd: 0.001, input_tokens: 10, output_tokens: 5, turns: 1 });
    return 0;
  }
  out({ type: 'result', text: 'done', cost_usd: 0.001, input_tokens: 10, output_tokens: 5, turns: 1 });
  if (has('linger')) for (;;) await sleep(60_000);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
