import type { Command } from 'commander';
import { z } from 'zod';
import { downloadModel, DEFAULT_MODEL_ID } from '../../shared/embeddings/transformers';
import { defaultDataDir, resolveDbPath } from '../../shared/paths';
import { indexStoredRepositories } from '../../shared/search/index-repositories';
import { clearSpace, listSpaces, openSpace } from '../../shared/search/spaces';
import { syncEmbeddings } from '../../shared/search/sync';
import { openStore } from '../../shared/store/open';
import path from 'node:path';
import type { CommandContext } from './context';
import { parseOptions } from './options';
import { printJson, printOut, terminalProgress } from './output';
import { addEmbedderOptions, embedderOptionsSchema, loadConfiguredEmbedder } from './search-session';

const embedOptionsSchema = embedderOptionsSchema.extend({
  rebuild: z.boolean().default(false),
  download: z.union([z.string().min(1), z.literal(true)]).optional(),
  batchSize: z.coerce.number({ message: '--batch-size must be a number' }).int('--batch-size must be a whole number').min(1, '--batch-size must be at least 1').max(4096, '--batch-size must be at most 4096').optional(),
});

export function registerEmbedCommand(program: Command, context: CommandContext): void {
  addEmbedderOptions(
    program
      .command('embed')
      .description('Compute vectors for every document whose text changed (resumable), and show the embedding spaces.')
      .option('--rebuild', 'refit the lexical embedder on the current corpus (or drop a model\'s vectors) and re-embed everything')
      .option('--download [model-id]', `online only: download a model (default ${DEFAULT_MODEL_ID}) into the data folder, then use it`)
      .option('--batch-size <n>', 'documents per batch'),
  ).action(async (raw: Record<string, unknown>) => {
    const options = parseOptions(embedOptionsSchema, { ...program.opts(), ...raw });
    let modelDir = options.modelDir;
    if (options.download !== undefined) {
      const id = options.download === true ? DEFAULT_MODEL_ID : options.download;
      process.stderr.write(`reposcout: downloading ${id} from the Hugging Face hub…\n`);
      modelDir = await downloadModel(id, path.join(defaultDataDir(), 'models'));
    }
    const embedder = await loadConfiguredEmbedder({ embedder: options.download !== undefined ? 'transformers' : options.embedder, modelDir });
    const store = openStore(resolveDbPath(options.db));
    const progress = terminalProgress(options.progress);
    try {
      indexStoredRepositories(store);
      const space = await openSpace(store, embedder, { refit: options.rebuild ? 'force' : 'auto' });
      // A model's space is keyed by its files' digest; --rebuild re-embeds it anyway.
      if (options.rebuild && embedder !== 'lexical') clearSpace(store.db, space);
      const result = await syncEmbeddings(store, space, { signal: context.signal, onProgress: progress.onProgress, batchSize: options.batchSize });
      progress.clear();
      const spaces = listSpaces(store.db);
      if (options.json) return printJson({ space: { id: space.id, embedder: space.embedder.name, model: space.embedder.model, dimensions: space.embedder.dimensions }, ...result, spaces });
      printOut(`${space.embedder.name}/${space.embedder.model} (${space.embedder.dimensions} dimensions): embedded ${result.embedded} of ${result.pending} pending documents${result.retired ? `; retired ${result.retired} older space(s)` : ''}.`);
      for (const s of spaces) printOut(`  space ${s.id}  ${s.embedder}/${s.model}  ${s.dimensions}d  ${s.vectors} vectors, ${s.pending} pending`);
    } finally {
      progress.clear();
      store.close();
    }
  });
}
