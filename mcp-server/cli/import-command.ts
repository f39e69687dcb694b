import type { Command } from 'commander';
import { z } from 'zod';
import { importRepositories } from '../../shared/exchange/import';
import { resolveDbPath } from '../../shared/paths';
import { openStore } from '../../shared/store/open';
import type { CommandContext } from './context';
import { globalOptionsSchema, parseOptions } from './options';
import { printJson, printOut, terminalProgress } from './output';
import { prepareSearchAfterWrite } from './search-ready';

const importOptionsSchema = globalOptionsSchema.extend({ skipInvalid: z.boolean().default(false) });

export function registerImportCommand(program: Command, context: CommandContext): void {
  program
    .command('import')
    .description('Import repository records from JSON Lines (as "reposcout export" writes them, or owner/name + description lists).')
    .argument('<file>', 'a .jsonl file, or "-" for standard input')
    .option('--skip-invalid', 'import the valid lines and report the others, instead of refusing the file')
    .action(async (file: string, raw: Record<string, unknown>) => {
      const options = parseOptions(importOptionsSchema, { ...program.opts(), ...raw });
      const store = openStore(resolveDbPath(options.db));
      try {
        const result = await importRepositories(store, file === '-' ? process.stdin : file, { skipInvalid: options.skipInvalid, signal: context.signal });
        await prepareSearchAfterWrite(store, terminalProgress(options.progress), context.signal);
        if (options.json) return printJson({ database: store.path, ...result });
        printOut(`Imported ${result.repositories} repositories (${result.added} new) and ${result.issues} issues into ${store.path}.`);
        for (const s of result.skipped.slice(0, 20)) process.stderr.write(`reposcout: skipped line ${s.line}: ${s.problem}\n`);
        if (result.skipped.length > 20) process.stderr.write(`reposcout: … and ${result.skipped.length - 20} more skipped lines\n`);
        printOut('The search index is ready.');
      } finally {
        store.close();
      }
    });
}
