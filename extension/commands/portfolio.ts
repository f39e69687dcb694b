import { randomBytes } from 'node:crypto';
import path from 'node:path';
import * as vscode from 'vscode';
import { exportPortfolio, loadPortfolio, type Person, type PortfolioExportFormat } from '../engine/achievements';
import { ensureConsent, forgetConsent, SEND_ALWAYS, SEND_ONCE } from '../lm/consent';
import { selfReviewPrompt, whatIsSent } from '../lm/self-review-prompt';
import { requireTool } from './capability-support';
import type { CommandDefinition, CommandDeps } from './deps';
import { runLongTask, showFailure } from './long-task';
import { defaultFileName, EXPORT_CHOICES, exportMessage, saveExport } from './portfolio-export';

// The portfolio: its webview, its exports (the engine renders; the extension saves where the
// user says) and a self-review written by the user's own chat model, after consent.

/** The person a command is about: its argument (from the webview) or the Achievements view's. */
function personOf(deps: CommandDeps, arg: unknown): Person | null {
  const given = arg as Partial<Person> | undefined;
  if (given && typeof given.who === 'string' && Array.isArray(given.as)) return { who: given.who, as: given.as.filter((a): a is string => typeof a === 'string') };
  return deps.achievements.person;
}

async function requirePerson(deps: CommandDeps, arg: unknown): Promise<Person | null> {
  if (!(await requireTool(deps, 'achievements', 'show achievements', 'Add "achievements" to reposcout.toolsets.'))) return null;
  const person = personOf(deps, arg);
  if (!person) {
    const choice = await vscode.window.showInformationMessage('RepoScout: Collect someone\'s achievements first; the portfolio is built from them.', 'Collect Achievements…');
    if (choice) await vscode.commands.executeCommand('reposcout.collectAchievements');
  }
  return person;
}

export const openPortfolio: CommandDefinition = {
  id: 'reposcout.openPortfolio',
  async run(deps, arg) {
    const person = await requirePerson(deps, arg);
    if (person) deps.panels.showPortfolio(person);
  },
};

export const exportPortfolioCommand: CommandDefinition = {
  id: 'reposcout.exportPortfolio',
  async run(deps, arg) {
    const person = await requirePerson(deps, arg);
    if (!person) return;
    const choice = await vscode.window.showQuickPick(EXPORT_CHOICES.map((c) => ({ ...c, label: c.label, detail: c.detail })), { title: `RepoScout: Export the Portfolio of ${person.who}: which format?` });
    if (!choice) return;
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri ?? vscode.Uri.file(process.env.HOME ?? '/');
    const target = await vscode.window.showSaveDialog({
      title: `RepoScout: Save the Portfolio (${choice.label})`,
      defaultUri: vscode.Uri.joinPath(folder, defaultFileName(person.who, choice.format)),
      filters: { [choice.filter]: [choice.format] },
      saveLabel: 'Export',
    });
    if (!target) return;
    const outcome = await runLongTask(
      deps,
      `RepoScout: Exporting the portfolio of ${person.who} (${choice.label})…`,
      (task) =>
        saveExport(
          choice.format,
          target.fsPath,
          (format: PortfolioExportFormat) => exportPortfolio(deps.engine, person, format, task.signal),
          async (file, bytes) => vscode.workspace.fs.writeFile(target.with({ path: path.posix.join(path.posix.dirname(target.path), path.basename(file)) }), bytes),
        ),
      () => vscode.commands.executeCommand('reposcout.exportPortfolio', person),
    );
    if (!outcome) return;
    const show = outcome.kind === 'saved' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    const open = outcome.kind === 'htmlInstead' || outcome.format === 'html' || outcome.format === 'pdf' ? 'Open in Browser' : 'Open';
    const picked = await show(exportMessage(outcome), open, 'Reveal in File Explorer');
    const saved = target.with({ path: path.posix.join(path.posix.dirname(target.path), path.basename(outcome.path)) });
    if (picked === 'Open') await vscode.window.showTextDocument(saved);
    else if (picked === 'Open in Browser') await vscode.env.openExternal(saved);
    else if (picked === 'Reveal in File Explorer') await vscode.commands.executeCommand('revealFileInOS', saved);
  },
};

export const writeSelfReview: CommandDefinition = {
  id: 'reposcout.writeSelfReview',
  async run(deps, arg) {
    const person = await requirePerson(deps, arg);
    if (!person) return;
    const models = await vscode.lm.selectChatModels().then(undefined, () => [] as vscode.LanguageModelChat[]);
    if (models.length === 0) {
      const choice = await vscode.window.showInformationMessage(
        'RepoScout: No chat model is available in this VS Code, so no self-review was written; nothing was sent anywhere. The portfolio\'s summary, written from the data, stands. A chat extension that provides language models (such as GitHub Copilot Chat) makes one available.',
        'Open Portfolio',
      );
      if (choice) deps.panels.showPortfolio(person);
      return;
    }
    const model =
      models.length === 1
        ? models[0]
        : (await vscode.window.showQuickPick(models.map((m) => ({ label: m.name, description: `${m.vendor} · ${m.family}`, model: m })), { title: 'RepoScout: Write Self-Review: with which chat model?' }))?.model;
    if (!model) return;
    let data;
    try {
      data = await loadPortfolio(deps.engine, person);
    } catch (error) {
      showFailure(deps, 'Loading the portfolio', error);
      return;
    }
    if (data.totals.prs === 0) {
      void vscode.window.showInformationMessage(`RepoScout: ${data.notices[0] ?? `No merged pull requests stored for ${person.who}.`} Nothing to write about yet.`);
      return;
    }
    const prompt = selfReviewPrompt(data, randomBytes(9).toString('base64'));
    const agreed = await ensureConsent(deps.context.workspaceState, { id: model.id, name: model.name, vendor: model.vendor }, whatIsSent(data, prompt), async (message, detail, buttons) =>
      vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons),
    );
    if (!agreed) {
      void vscode.window.setStatusBarMessage('RepoScout: nothing was sent to the chat model', 4000);
      return;
    }
    const text = await runLongTask(
      deps,
      `RepoScout: ${model.name} is writing the self-review of ${person.who}…`,
      async (task) => {
        const source = new vscode.CancellationTokenSource();
        task.signal.addEventListener('abort', () => source.cancel());
        try {
          const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(prompt.instructions), vscode.LanguageModelChatMessage.User(prompt.data)], { justification: `RepoScout writes a self-review of ${person.who} from their portfolio.` }, source.token);
          let out = '';
          for await (const chunk of response.text) out += chunk;
          return out;
        } catch (error) {
          if (error instanceof vscode.LanguageModelError) throw new Error(`${model.name} could not write the self-review (${error.code || error.message}); the portfolio's summary, written from the data, stands.`);
          throw error;
        } finally {
          source.dispose();
        }
      },
      () => vscode.commands.executeCommand('reposcout.writeSelfReview', person),
    );
    if (text === undefined) return;
    const body = text.trim() || '_The model returned no text._';
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: `# Self-review: ${person.who}\n\n> A draft by ${model.name} (${model.vendor}) from RepoScout's portfolio data; check every claim against the pull requests it cites.\n\n${body}\n`,
    });
    await vscode.window.showTextDocument(document, { preview: false });
  },
};

export const forgetModelConsent: CommandDefinition = {
  id: 'reposcout.forgetModelConsent',
  async run(deps) {
    await forgetConsent(deps.context.workspaceState);
    void vscode.window.showInformationMessage(`RepoScout: Forgot the chat models you allowed in this workspace; "${SEND_ONCE}" or "${SEND_ALWAYS}" will be asked again.`);
  },
};
