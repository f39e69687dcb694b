import { Command } from 'commander';
import type { CommandContext } from './context';
import { registerIngestCommand } from './ingest-command';
import { registerListCommand } from './list-command';
import { registerSearchCommand } from './search-command';
import { registerSimilarCommand } from './similar-command';
import { registerRecommendCommand } from './recommend-command';
import { registerPeopleCommand } from './people-command';
import { registerRememberCommand } from './remember-command';
import { registerRecallCommand } from './recall-command';
import { registerMemoriesCommand } from './memories-command';
import { registerForgetCommand } from './forget-command';
import { registerExportCommand } from './export-command';
import { registerImportCommand } from './import-command';
import { registerEmbedCommand } from './embed-command';
import { registerMcpCommand } from './mcp-command';
import { registerReportCommand } from './report-command';
import { registerResearchCommand } from './research-command';
import { registerClassifyCommand } from './classify-command';
import { registerAchievementsCommand } from './achievements-command';
import { registerJobsCommand } from './jobs-command';
import { registerRunCommand } from './run-command';

export const VERSION = '0.1.0';

/** The `reposcout` command line. Each command lives in its own module. */
export function createProgram(context: CommandContext): Command {
  const program = new Command('reposcout')
    .description('Local-first research workbench for code on GitHub and in local git clones.')
    .version(VERSION)
    .option('--db <file>', 'SQLite database file (default: $REPOSCOUT_DB, else the user data folder)')
    .option('--json', 'machine-readable JSON on stdout instead of text')
    .option('--no-progress', 'do not draw a progress line on the terminal')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerIngestCommand(program, context);
  registerResearchCommand(program, context);
  registerReportCommand(program);
  registerListCommand(program);
  registerMcpCommand(program, context);
  registerSearchCommand(program, context);
  registerSimilarCommand(program, context);
  registerRecommendCommand(program, context);
  registerPeopleCommand(program);
  registerRememberCommand(program, context);
  registerRecallCommand(program, context);
  registerMemoriesCommand(program);
  registerForgetCommand(program);
  registerExportCommand(program);
  registerImportCommand(program, context);
  registerEmbedCommand(program, context);
  registerClassifyCommand(program, context);
  registerAchievementsCommand(program, context);
  registerRunCommand(program, context);
  registerJobsCommand(program, context);
  return program;
}
