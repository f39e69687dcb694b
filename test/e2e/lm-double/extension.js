/* eslint-disable @typescript-eslint/no-require-imports -- VS Code loads this test extension as CommonJS, untranspiled. */
// Test doubles for the end-to-end tests only: a chat model, off until its command runs (so the
// suite can first see VS Code without a model), that records each request to
// REPOSCOUT_LM_DOUBLE_LOG and answers with a fixed draft; and a command that changes settings.
const fs = require('node:fs');
const vscode = require('vscode');

const MODEL = { id: 'double-1', name: 'Test Model', family: 'double', version: '1', maxInputTokens: 100000, maxOutputTokens: 4000, capabilities: {} };

function activate(context) {
  let enabled = false;
  const changed = new vscode.EventEmitter();
  context.subscriptions.push(
    vscode.lm.registerLanguageModelChatProvider('reposcout-test', {
      onDidChangeLanguageModelChatInformation: changed.event,
      provideLanguageModelChatInformation: () => (enabled ? [MODEL] : []),
      async provideLanguageModelChatResponse(_model, messages, _options, progress) {
        const texts = messages.map((m) => m.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join(''));
        if (process.env.REPOSCOUT_LM_DOUBLE_LOG) fs.writeFileSync(process.env.REPOSCOUT_LM_DOUBLE_LOG, JSON.stringify(texts));
        progress.report(new vscode.LanguageModelTextPart('I shipped a streaming parser with tests (demo#1). '));
        progress.report(new vscode.LanguageModelTextPart('DRAFT FROM THE TEST MODEL'));
      },
      provideTokenCount: async (_model, text) => (typeof text === 'string' ? Math.ceil(text.length / 4) : 1),
    }),
    vscode.commands.registerCommand('reposcoutLmDouble.enable', () => {
      enabled = true;
      changed.fire();
    }),
    // Settings written to disk while code-server runs are not picked up; the API's update is.
    vscode.commands.registerCommand('reposcoutLmDouble.setToolsets', () =>
      vscode.workspace.getConfiguration('reposcout').update('toolsets', ['research', 'recommend', 'memory'], vscode.ConfigurationTarget.Global),
    ),
  );
}

module.exports = { activate };
