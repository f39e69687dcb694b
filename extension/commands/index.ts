import { collectAchievementsCommand, openAchievement, refreshAchievementsCommand, showAchievementCommit } from './achievements';
import { exportPortfolioCommand, forgetModelConsent, openPortfolio, writeSelfReview } from './portfolio';
import { analyzeWorkspace, reanalyzeRepository } from './analyze';
import { clearResults, findPeopleToAsk, searchCommand, showSimilar } from './discovery';
import { ingestOwner, openOnGitHub } from './github';
import { jobCommands } from './jobs';
import { forgetMemory, recallCommand, refreshMemoriesCommand, remember } from './memory';
import type { CommandDefinition } from './deps';
import { openNodePathSetting, restartEngine, showLog, showStatus, signIn } from './engine';
import { copyRepositoryKey, openDashboard, openReport, refresh, revealRepository, showContributor } from './reports';

/** Every command the extension registers; each is also declared in extension/package.json (a test keeps them equal). */
export const allCommands: readonly CommandDefinition[] = [
  analyzeWorkspace,
  reanalyzeRepository,
  ingestOwner,
  openReport,
  openDashboard,
  showContributor,
  searchCommand,
  showSimilar,
  findPeopleToAsk,
  remember,
  recallCommand,
  forgetMemory,
  refreshMemoriesCommand,
  clearResults,
  openOnGitHub,
  collectAchievementsCommand,
  refreshAchievementsCommand,
  openAchievement,
  showAchievementCommit,
  openPortfolio,
  exportPortfolioCommand,
  writeSelfReview,
  forgetModelConsent,
  refresh,
  revealRepository,
  copyRepositoryKey,
  signIn,
  showLog,
  showStatus,
  restartEngine,
  openNodePathSetting,
  ...jobCommands,
];
