import type { InputName, Remedy } from '../../shared/protocol/errors';

type Resume = Extract<Remedy, { do: 'ingest' | 'retry' }>;

// Each input as this command line takes it: a flag, and the environment variable where one exists.
const FIX_INPUT: Record<InputName, string> = {
  db: 'Pass another database file with --db (or REPOSCOUT_DB).',
  windowMonths: 'Pass another --window-months.',
  path: 'Pass another --path, relative to the repository root.',
  issues: 'Pass another --issues.',
  searchMode: 'Pass --mode bm25 or --mode hybrid.',
  githubHost: 'Pass another --github-host (or REPOSCOUT_GITHUB_HOST).',
  tokenFile: 'Check the file given to --token-file.',
  since: 'Pass another --since.',
  until: 'Pass another --until.',
  cursor: 'Run it again without --cursor.',
  modelDir: 'Pass a complete model folder with --model-dir (or REPOSCOUT_MODEL_DIR), run "reposcout embed --download" while online, or use --embedder lexical.',
  aliases: 'Pass the GitHub login as <who> or with --as.',
  owner: 'Check --owner.',
  repos: 'Check --repos.',
  browser: 'Pass a Chromium-family browser with --browser.',
};

/** What to run next, in this command line's words, for an engine error's remedy. */
export function cliNextStep(remedy: Remedy | null): string | null {
  if (remedy === null) return null;
  switch (remedy.do) {
    case 'research_local':
      return `Run "reposcout research ${remedy.path ?? '<path of a clone>'}" first.`;
    case 'research_owner':
      return `Run "reposcout research ${remedy.owner}" first.`;
    case 'ingest':
    case 'retry':
      return `${capitalize(carryOn(remedy))}.`;
    case 'add_repository':
      return 'Add repositories with "reposcout research <path of a clone>", "reposcout ingest <owner/repo>" or "reposcout import <file>".';
    case 'github_token':
      return `Set GITHUB_TOKEN (or GH_TOKEN) or pass --token-file with a token that can read it${remedy.then ? `, then ${carryOn(remedy.then)}` : ''}.`;
    case 'fix_input':
      return FIX_INPUT[remedy.input];
    case 'list':
      return remedy.what === 'memories' ? 'List the ids with "reposcout memories".' : 'List the ids with "reposcout jobs list".';
    case 'rebuild_vectors':
      return 'Run "reposcout embed --rebuild".';
  }
}

function carryOn(remedy: Resume): string {
  if (remedy.do === 'retry') return 'run the command again to finish';
  const command = `reposcout ingest ${remedy.target}${remedy.host ? ` --github-host ${remedy.host}` : ''}`;
  return remedy.resume ? `run "${command}" again to resume where it stopped` : `run "${command}" first`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
