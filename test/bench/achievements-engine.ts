// What `npm run bench:achievements` needs, bundled so the benchmark runs on plain Node
// against the same engine code as the CLI, and the same fake GitHub as the tests.
export { startFakeGitHub } from '../fake-github/server';
export { SyntheticOrg } from '../fake-github/synthetic';
export { addAuthoredPulls, addReviewedPulls } from '../fake-github/search';
export { createGitHubClient } from '../../shared/github/client';
export { openStore } from '../../shared/store/open';
export { buildIdentity } from '../../shared/achievements/identity';
export { collectFromGitHub } from '../../shared/achievements/collect-github';
export { collectFromGit } from '../../shared/achievements/collect-git';
export { portfolioFromStore } from '../../shared/achievements/index';
export { parseWindow } from '../../shared/achievements/time';
export { writePortfolio } from '../../shared/achievements/exports/write';
