/**
 * The contract between RepoScout's engine and everyone who talks to it: tool names and
 * toolsets, every tool's input and output schema, the records they carry and the error
 * codes. zod schemas and types only: nothing here may import the engine, a native module,
 * the MCP SDK or vscode, so the VS Code extension and the webviews can import it too (lint
 * and test/boundaries.test.ts hold both doors).
 *
 * Adding a capability: put its records and tool contracts in `shared/protocol/<capability>.ts`
 * (or one file per tool under tools/ as below), built with `defineContract` from ./contract
 * and the shared inputs/records here; export it from this file with one line; then the engine
 * imports its limits and record types from there, mcp-server/server/tools/ adds one handler
 * file per tool (`defineTool({ ...contract, run })`), and the extension calls the contract.
 */
export * from './contract';
export * from './errors';
export * from './inputs';
export * from './limits';
export * from './records';
export * from './report';
export * from './org-report';
export * from './portfolio-report';
export * from './research';
export * from './organization';
export * from './toolsets';
export * from './orchestrate';

export * from './tools/analyze-local-repository';
export * from './tools/collect-achievements';
export * from './tools/find-people-to-ask';
export * from './tools/find-similar-repositories';
export * from './tools/forget';
export * from './tools/get-citations';
export * from './tools/get-collaboration-network';
export * from './tools/get-contributors';
export * from './tools/get-hotspots';
export * from './tools/get-organization';
export * from './tools/get-portfolio';
export * from './tools/get-pull-request-impact';
export * from './tools/get-repository';
export * from './tools/get-topics';
export * from './tools/ingest-github';
export * from './tools/list-achievements';
export * from './tools/list-memories';
export * from './tools/list-pull-requests';
export * from './tools/list-repositories';
export * from './tools/recall';
export * from './tools/recommend-for-developer';
export * from './tools/remember';
export * from './tools/research-organization';
export * from './tools/search';
