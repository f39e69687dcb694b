import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { RepoScoutError } from '../../shared/errors';
import { remember } from '../../shared/memory/remember';
import type { CommandContext } from './context';
import { addLinkOptions, linksFrom, memoryLinkOptions } from './memory-options';
import { parseOptions } from './options';
import { printJson, printOut } from './output';
import { addEmbedderOptions, embedderOptionsSchema, openSearchSession } from './search-session';

const rememberOptionsSchema = embedderOptionsSchema.extend({ ...memoryLinkOptions, merge: z.boolean().default(true) });

export function registerRememberCommand(program: Command, context: CommandContext): void {
  addEmbedderOptions(
    addLinkOptions(
      program
        .command('remember')
        .description('Store a memory (merged into a near-duplicate if there is one, keeping its history).')
        .argument('<text...>', 'what to remember; "-" reads it from standard input'),
      'add',
    ).option('--no-merge', 'always store a new memory, even next to a near-duplicate'),
  ).action(async (words: string[], raw: Record<string, unknown>) => {
    const options = parseOptions(rememberOptionsSchema, { ...program.opts(), ...raw });
    const text = words.length === 1 && words[0] === '-' ? fs.readFileSync(0, 'utf8') : words.join(' ');
    if (text.trim() === '') throw new RepoScoutError('INVALID_INPUT', 'The memory text is empty; say what to remember.');
    const session = await openSearchSession(options, context);
    try {
      const result = await remember(session.store, session.space, { text, tags: options.tag, links: linksFrom(options), merge: options.merge });
      if (options.json) return printJson(result);
      const m = result.memory;
      printOut(
        result.outcome === 'merged'
          ? `Merged into memory ${m.id} (similarity ${result.merged?.similarity.toFixed(2)}; remembered ${m.timesRemembered} times, history kept).`
          : `Remembered as memory ${m.id}.`,
      );
      if (m.tags.length) printOut(`  tags ${m.tags.join(', ')}`);
      if (m.links.length) printOut(`  links ${m.links.map((l) => `${l.kind} ${l.target}`).join(', ')}`);
    } finally {
      session.close();
    }
  });
}
