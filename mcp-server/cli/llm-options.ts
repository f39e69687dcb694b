import type { Command } from 'commander';
import { z } from 'zod';
import { ANTHROPIC_DEFAULT_BASE_URL } from '../../shared/achievements/prose/anthropic';
import { DEFAULT_PROSE_MODEL, PROSE_PROVIDERS, type ProseSettings } from '../../shared/achievements/prose/prose';
import { RepoScoutError } from '../../shared/errors';

// --llm and its settings, checked before any work starts: a typo in a provider or model name
// should not cost a whole collection run first. The key and base URL come from the
// environment only (a key on the command line ends up in shell history and process lists).

export function addLlmOptions(command: Command): Command {
  return command
    .option('--llm <provider>', `write the summary's prose with a language model: ${PROSE_PROVIDERS.join(', ')} (key from $ANTHROPIC_API_KEY, base URL from $ANTHROPIC_BASE_URL)`)
    .option('--llm-model <model>', `model for --llm (default ${DEFAULT_PROSE_MODEL})`)
    .option('--llm-timeout <seconds>', 'seconds to wait for each model request (default 60)');
}

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/;

const llmOptionsSchema = z.object({
  llm: z.string().optional(),
  llmModel: z.string().optional(),
  llmTimeout: z.coerce
    .number({ message: '--llm-timeout must be a number of seconds' })
    .positive('--llm-timeout must be more than 0 seconds')
    .max(600, '--llm-timeout must be at most 600 seconds')
    .optional(),
});

/** The prose settings for --llm, or null without it; bad values throw INVALID_INPUT naming the fix. */
export function proseSettingsFrom(raw: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): ProseSettings | null {
  const parsed = llmOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new RepoScoutError('INVALID_INPUT', `${parsed.error.issues[0]?.message ?? 'invalid --llm option'}; see --help.`);
  const { llm, llmModel, llmTimeout } = parsed.data;
  if (llm === undefined) {
    if (llmModel !== undefined || llmTimeout !== undefined) throw new RepoScoutError('INVALID_INPUT', `${llmModel !== undefined ? '--llm-model' : '--llm-timeout'} needs --llm ${PROSE_PROVIDERS[0]}; add it, or leave the option out.`);
    return null;
  }
  const provider = PROSE_PROVIDERS.find((p) => p === llm.trim().toLowerCase());
  if (!provider) {
    throw new RepoScoutError('INVALID_INPUT', `--llm ${JSON.stringify(llm)} is not a provider RepoScout can use; the one there is: anthropic (any Anthropic-compatible Messages API; key from $ANTHROPIC_API_KEY, base URL from $ANTHROPIC_BASE_URL).`);
  }
  const model = llmModel ?? DEFAULT_PROSE_MODEL;
  if (!MODEL_NAME.test(model)) {
    throw new RepoScoutError('INVALID_INPUT', `--llm-model ${JSON.stringify(model.slice(0, 80))} is not a model name: use letters, digits and . _ : @ / - (at most 200), e.g. --llm-model ${DEFAULT_PROSE_MODEL}.`);
  }
  return {
    provider,
    model,
    apiKey: env.ANTHROPIC_API_KEY?.trim() || null,
    baseURL: baseUrlFrom(env.ANTHROPIC_BASE_URL),
    timeoutMs: Math.round((llmTimeout ?? 60) * 1000),
    maxRetries: 2,
  };
}

function baseUrlFrom(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return ANTHROPIC_DEFAULT_BASE_URL;
  const url = z.url({ protocol: /^https?$/ }).safeParse(value.trim());
  // The value is not quoted back: a URL can carry user:password@.
  if (!url.success) throw new RepoScoutError('INVALID_INPUT', `$ANTHROPIC_BASE_URL is not an http(s) URL; set it like ${ANTHROPIC_DEFAULT_BASE_URL} (the API's root, without /v1/messages), or unset it to use that.`);
  return url.data.replace(/\/+$/, '');
}
