import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { RepoScoutError } from '../../shared/errors';
import { exportRepositories } from '../../shared/exchange/export';
import { resolveDbPath } from '../../shared/paths';
import { indexStoredRepositories } from '../../shared/search/index-repositories';
import { openStore } from '../../shared/store/open';
import { globalOptionsSchema, parseOptions } from './options';

const exportOptionsSchema = globalOptionsSchema.extend({ out: z.string().min(1, '--out needs a file path').optional() });

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write every stored repository as JSON Lines (one record per line; "reposcout import" reads it back).')
    .option('--out <file>', 'file to write (default: standard output)')
    .action((raw: Record<string, unknown>) => {
      const options = parseOptions(exportOptionsSchema, { ...program.opts(), ...raw });
      const store = openStore(resolveDbPath(options.db));
      try {
        indexStoredRepositories(store);
        if (!options.out) {
          for (const record of exportRepositories(store)) process.stdout.write(`${JSON.stringify(record)}\n`);
          return;
        }
        const target = path.resolve(options.out);
        if (!fs.existsSync(path.dirname(target))) throw new RepoScoutError('PATH_NOT_FOUND', `The folder of --out ${target} does not exist; create it first.`);
        // Write beside the target and rename, so a failed export never leaves half a file.
        const temp = `${target}.${process.pid}.tmp`;
        let count = 0;
        const fd = fs.openSync(temp, 'w', 0o600); // records quote private-repository text
        try {
          for (const record of exportRepositories(store)) {
            fs.writeSync(fd, `${JSON.stringify(record)}\n`);
            count += 1;
          }
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(temp, target);
        process.stderr.write(`reposcout: exported ${count} repositories to ${target}\n`);
      } finally {
        store.close();
      }
    });
}
