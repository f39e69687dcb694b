import { execFile } from 'node:child_process';
import fs from 'node:fs';
import * as vscode from 'vscode';

export const COMMIT_SCHEME = 'reposcout-commit';

/** A read-only document of `git show` for one commit of a local clone (a reconstructed PR's merge or squash commit). */
export function commitUri(folder: string, sha: string, title: string): vscode.Uri {
  const name = title.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'commit';
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${sha.slice(0, 12)}-${name}.diff`, query: new URLSearchParams({ folder, sha }).toString() });
}

/**
 * Serves commitUri documents by running git in the clone (no shell; the sha is checked to be
 * one). The text is repository data shown in a plain editor, never rendered.
 */
export class CommitDocuments implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const folder = query.get('folder') ?? '';
    const sha = query.get('sha') ?? '';
    if (!/^[0-9a-f]{7,64}$/i.test(sha)) return Promise.resolve(`"${sha}" is not a commit id.`);
    if (!fs.existsSync(folder)) return Promise.resolve(`The clone ${folder} is no longer there; collect the achievements again from where it is now.`);
    return new Promise((resolve) => {
      execFile('git', ['-C', folder, 'show', '--stat', '--patch', '--format=fuller', '--no-color', '--no-ext-diff', '-m', '--first-parent', sha], { maxBuffer: 32 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
        resolve(error ? `git show ${sha} failed in ${folder}: ${(stderr || error.message).trim()}` : stdout);
      });
    });
  }
}
