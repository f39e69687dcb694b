import type { Command } from 'commander';
import { z } from 'zod';
import { forgetMemories } from '../../shared/memory/forget';
import { resolveDbPath } from '../../shared/paths';
import { openStore } from '../../shared/store/open';
import { globalOptionsSchema, parseOptions } from './options';
import { printJson, printOut } from './output';

const forgetSchema = z.array(z.coerce.number({ message: 'memory ids are numbers (see "reposcout memories")' }).int('memory ids are whole numbers').positive('memory ids are positive'));

export function registerForgetCommand(program: Command): void {
  program
    .command('forget')
    .description('Delete memories, their history and their vectors. All or nothing: an unknown id deletes none.')
    .argument('<ids...>', 'memory ids, as "reposcout memories" shows them')
    .action((ids: string[]) => {
      const options = parseOptions(globalOptionsSchema, program.opts());
      const parsed = parseOptions(forgetSchema, ids);
      const store = openStore(resolveDbPath(options.db));
      try {
        const result = forgetMemories(store, parsed);
        if (options.json) return printJson(result);
        printOut(`Forgot ${result.forgotten.length === 1 ? 'memory' : 'memories'} ${result.forgotten.join(', ')}.`);
      } finally {
        store.close();
      }
    });
}
