import type { Remedy } from '../../shared/protocol/errors';

/** What to run next, in this command line's words, for an engine error's remedy. */
export function cliNextStep(remedy: Remedy | null): string | null {
  if (remedy === null) return null;
  switch (remedy.do) {
    case 'research_local':
      return `Run "reposcout research ${remedy.path}" first.`;
    case 'research_owner':
      return `Run "reposcout research ${remedy.owner}" first.`;
    case 'ingest':
      return `Run "reposcout ingest ${remedy.target}${remedy.host ? ` --github-host ${remedy.host}` : ''}" first.`;
    case 'retry':
      return 'Run the command again to finish.';
  }
}
