import { createHash } from 'node:crypto';
import type { Portfolio, PortfolioProse } from '../../protocol/achievements';
import type { Store } from '../../store/open';
import { anthropicMessage, type AnthropicSettings } from './anthropic';
import { parseProseAnswer, PROSE_PROMPT_VERSION, prosePrompt, type ProseAnswer } from './prompt';

export const PROSE_PROVIDERS = ['anthropic'] as const;
export type ProseProvider = (typeof PROSE_PROVIDERS)[number];
/** A current general model: a summary of a few hundred words needs no larger one. */
export const DEFAULT_PROSE_MODEL = 'claude-sonnet-5-5';

export interface ProseSettings extends Omit<AnthropicSettings, 'apiKey'> {
  provider: ProseProvider;
  /** null when the environment has none: the portfolio keeps its own summary, with a notice */
  apiKey: string | null;
}

export interface ProseOutcome {
  /** the portfolio with `prose` set, or unchanged with a notice added */
  portfolio: Portfolio;
  /** why there is no prose (also added to the portfolio's notices); null when there is */
  notice: string | null;
  /** true when the prose came from the store's cache and no request was made */
  cached: boolean;
}

const MAX_TOKENS = 1_024;

/**
 * Asks a language model for the portfolio's executive summary and highlight reasons. The
 * answer is cached in `prose_cache` under the hash of provider, model, prompt version and the
 * exact texts sent, so the same portfolio never costs a second request. Any failure (no key,
 * an HTTP error, a timeout, an answer of the wrong shape) leaves the deterministic summary as
 * the only one and says why in a notice; the key itself is never stored or quoted.
 */
export async function addPortfolioProse(store: Store, portfolio: Portfolio, settings: ProseSettings, signal?: AbortSignal): Promise<ProseOutcome> {
  const without = (problem: string): ProseOutcome => {
    const notice = `No model-written summary: ${problem}. The summary written from the data stands.`;
    return { portfolio: { ...portfolio, notices: [...portfolio.notices, notice] }, notice, cached: false };
  };
  if (portfolio.totals.prs === 0) return without('the portfolio has no pull requests to write about, so no model was asked');
  const prompt = prosePrompt(portfolio);
  const hash = createHash('sha256').update(JSON.stringify([settings.provider, settings.model, PROSE_PROMPT_VERSION, prompt.system, prompt.user])).digest('hex');
  const withProse = (answer: ProseAnswer, cached: boolean): ProseOutcome => {
    const prose: PortfolioProse = {
      writtenBy: 'language-model',
      provider: settings.provider,
      model: settings.model,
      promptVersion: PROSE_PROMPT_VERSION,
      summary: answer.summary,
      highlightReasons: answer.highlights,
    };
    return { portfolio: { ...portfolio, prose }, notice: null, cached };
  };

  const hit = store.db.prepare('select text from prose_cache where input_hash = ?').get(hash) as { text: string } | undefined;
  const fromCache = hit ? parseProseAnswer(hit.text, prompt.refs) : null;
  if (fromCache?.ok) return withProse(fromCache.answer, true);

  if (!settings.apiKey) return without('ANTHROPIC_API_KEY is not set; set it to the key of an Anthropic-compatible API, or leave out --llm');
  const answer = await anthropicMessage({ ...settings, apiKey: settings.apiKey }, { system: prompt.system, user: prompt.user, maxTokens: MAX_TOKENS }, signal);
  if (!answer.ok) return without(answer.problem);
  const read = parseProseAnswer(answer.text, prompt.refs);
  if (!read.ok) return without(`the model ${settings.model} answered, but ${read.problem}`);
  // only an answer that was usable is cached: a malformed one is asked for again next time
  store.db
    .prepare('insert into prose_cache (input_hash, provider, model, text) values (?, ?, ?, ?) on conflict (input_hash) do update set text = excluded.text')
    .run(hash, settings.provider, settings.model, answer.text);
  return withProse(read.answer, false);
}
