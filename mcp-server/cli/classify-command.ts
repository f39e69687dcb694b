import fs from 'node:fs';
import type { Command } from 'commander';
import { classifyLines } from '../../shared/achievements/classify/classify-lines';
import { RepoScoutError } from '../../shared/errors';
import type { CommandContext } from './context';
import { printOut } from './output';

export function registerClassifyCommand(program: Command, context: CommandContext): void {
  program
    .command('classify')
    .description('Classify pull requests given as JSON lines ({"id", "title", "files": [{path, additions, deletions}], "labels"?}); prints one JSON line per record with id, class, confidence and rule.')
    .argument('<file>', 'a .jsonl file, or "-" for standard input')
    .action(async (file: string) => {
      const input = file === '-' ? process.stdin : openInput(file);
      let good = 0;
      let bad = 0;
      for await (const result of classifyLines(input, context.signal)) {
        if (result.ok) {
          good += 1;
          printOut(JSON.stringify({ id: result.id, class: result.class, confidence: result.confidence, rule: result.rule }));
        } else {
          bad += 1;
          process.stderr.write(`reposcout: line ${result.line}: ${result.problem}\n`);
        }
      }
      if (bad > 0) process.stderr.write(`reposcout: classified ${good} records; skipped ${bad} bad line${bad === 1 ? '' : 's'} (listed above).\n`);
      // Some good records are an answer; only a file with nothing usable is an input error.
      if (good === 0 && bad > 0) throw new RepoScoutError('INVALID_INPUT', `No line of ${file} could be classified; fix the lines listed above.`);
    });
}

function openInput(file: string): fs.ReadStream {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new RepoScoutError('PATH_NOT_FOUND', `No such file: ${file}; pass a .jsonl file or "-" for standard input.`);
  }
  if (!stat.isFile()) throw new RepoScoutError('INVALID_INPUT', `${file} is not a file; pass a .jsonl file or "-" for standard input.`);
  return fs.createReadStream(file, { encoding: 'utf8' });
}
