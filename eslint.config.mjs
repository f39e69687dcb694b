// Lint enforces the one architectural edge RepoScout has: the engine (shared/)
// and its two front doors (mcp-server/, extension/) talk in one direction only.
import tseslint from 'typescript-eslint';

const engineMustNotImport = [
  { name: 'vscode', message: 'The engine (shared/) runs outside VS Code; put VS Code code in extension/.' },
];
const enginePatterns = [
  { group: ['@modelcontextprotocol/*'], message: 'The engine (shared/) knows nothing of MCP; adapt it in mcp-server/.' },
  { group: ['**/mcp-server/**', '**/extension/**'], message: 'The engine (shared/) must not import its front doors.' },
  { group: ['**/webview-client/**'], message: 'The engine (shared/) runs no browser code; the HTML pages inline webview-client/ as text through virtual:<page> modules (webview-client/bundle.mjs).' },
];
const extensionMustNotImport = [
  { name: 'better-sqlite3', message: 'Native modules cannot load in the extension host; ask the engine over MCP.' },
  { name: 'sqlite-vec', message: 'Native modules cannot load in the extension host; ask the engine over MCP.' },
  { name: '@huggingface/transformers', message: 'The extension never embeds in-process; ask the engine over MCP.' },
  { name: 'onnxruntime-node', message: 'Native modules cannot load in the extension host; ask the engine over MCP.' },
];
const extensionPatterns = [
  {
    regex: '^\\.[./]*/shared/(?!protocol(/|$))',
    message: 'The extension imports only the contract (shared/protocol) from the engine; everything else it asks the engine over MCP.',
  },
];
// Browser code shared by the VS Code webviews and the HTML report: it sees only the contract.
const browserPatterns = [
  { regex: '^\\.\\./(?!shared/protocol/)', message: 'webview-client/ runs in browsers (VS Code webviews, the HTML report): import only shared/protocol/ and its own files.' },
  { regex: '^node:', message: 'webview-client/ runs in browsers: no Node modules.' },
];
// Browser code (webview-client/, the webviews' extension/webviews/client/) takes the contract's
// types only: a value import of zod or of a protocol module bundles zod (454 KB, two thirds of a
// webview). The extension host validates what it posts; test/browser-bundles.test.ts checks the
// bundles themselves.
const typesOnlyMessage = 'Browser code imports protocol types only (`import type`): a value import bundles zod into every webview. Validate on the extension host (webviews/dispatch.ts) instead.';
const browserTypesOnly = {
  paths: [{ name: 'zod', allowTypeImports: true, message: typesOnlyMessage }],
  patterns: [{ regex: '(^|/)protocol(/|$)', allowTypeImports: true, message: typesOnlyMessage }],
};
// The contract is zod schemas and types that every side imports: nothing from the engine.
const protocolMessage = 'shared/protocol holds zod schemas and types only: import zod and other protocol files, nothing from the engine.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'media/vendor/**', '.bench/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: engineMustNotImport, patterns: enginePatterns }],
      // The engine runs inside the MCP stdio server, where stdout is the protocol channel.
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['shared/protocol/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: engineMustNotImport, patterns: [{ regex: '^(?!zod$|\\./)', message: protocolMessage }] }],
    },
  },
  {
    files: ['shared/protocol/*/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: engineMustNotImport, patterns: [{ regex: '^(?!zod$|\\.\\./[^.]|\\./)', message: protocolMessage }] }],
    },
  },
  {
    files: ['mcp-server/**/*.ts'],
    ignores: ['mcp-server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: engineMustNotImport }],
      // stdout belongs to the MCP protocol when serving over stdio; the CLI writes
      // its human and --json output through process.stdout explicitly.
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['webview-client/**/*.ts'],
    ignores: ['webview-client/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'webview-client/ runs in browsers; only the extension host has vscode.' }], patterns: browserPatterns }],
    },
  },
  {
    files: ['extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: extensionMustNotImport, patterns: extensionPatterns }],
    },
  },
  {
    files: ['webview-client/**/*.ts', 'extension/webviews/client/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', browserTypesOnly],
    },
  },
);
