// What the orchestration benchmark needs from the engine, bundled by test/bench/orchestrate.mjs.
export { createOrchestrator } from '../../shared/orchestrate/engine';
export { createWorktree, removeWorktree, deleteBranch } from '../../shared/orchestrate/worktrees';
export { planInputSchema } from '../../shared/protocol/orchestrate';
export { openStore } from '../../shared/store/open';
