import fs from 'node:fs';
import path from 'node:path';

// A test double of VS Code's GitHub authentication provider: a tiny extension (package.json +
// plain JS, no build) that registers the provider id "github" and hands out a fixed token
// after VS Code's own consent prompt. With code-server's built-in github-authentication
// disabled, RepoScout's getSession('github', …) reaches this provider exactly as it would
// reach the real one. It records each call (never the token) as JSON lines in `recordFile`.

export const AUTH_DOUBLE_ID = 'reposcout-test.github-auth-double';
export const AUTH_DOUBLE_ACCOUNT = 'octo-double';
export const AUTH_DOUBLE_SIGN_OUT = 'Auth Double: Sign Out of GitHub';

export interface AuthDoubleCall {
  call: 'activate' | 'getSessions' | 'createSession' | 'removeSession';
  scopes?: string[];
  sessions?: number;
}

/** Writes the double's extension folder; pack it with packExtensionFolder and install it. */
export function writeAuthDouble(folder: string, options: { token: string; recordFile: string }): string {
  fs.mkdirSync(folder, { recursive: true });
  const manifest = {
    name: 'github-auth-double',
    displayName: 'GitHub sign-in test double',
    description: 'Test double of the GitHub authentication provider for RepoScout end-to-end tests.',
    publisher: 'reposcout-test',
    version: '0.0.1',
    engines: { vscode: '^1.90.0' },
    // The extension host that runs RepoScout, so both talk to the same authentication service.
    extensionKind: ['workspace'],
    main: './extension.js',
    activationEvents: ['onAuthenticationRequest:github'],
    contributes: {
      authentication: [{ id: 'github', label: 'GitHub' }],
      commands: [{ command: 'reposcoutTest.signOut', title: AUTH_DOUBLE_SIGN_OUT }],
    },
  };
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(folder, 'README.md'), '# GitHub sign-in test double\n\nTest-only.\n');
  fs.writeFileSync(path.join(folder, 'extension.js'), extensionSource(options.token, options.recordFile));
  return folder;
}

/** The calls the double recorded so far. */
export function authDoubleCalls(recordFile: string): AuthDoubleCall[] {
  if (!fs.existsSync(recordFile)) return [];
  return fs
    .readFileSync(recordFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuthDoubleCall);
}

function extensionSource(token: string, recordFile: string): string {
  return `'use strict';
const fs = require('fs');
const vscode = require('vscode');

const TOKEN = ${JSON.stringify(token)};
const RECORD = ${JSON.stringify(recordFile)};
const record = (entry) => fs.appendFileSync(RECORD, JSON.stringify(entry) + '\\n');

exports.activate = (context) => {
  const changed = new vscode.EventEmitter();
  let sessions = [];
  let next = 1;
  const provider = {
    onDidChangeSessions: changed.event,
    async getSessions(scopes) {
      const matching = sessions.filter((s) => !scopes || scopes.every((scope) => s.scopes.includes(scope)));
      record({ call: 'getSessions', scopes: scopes ? [...scopes] : undefined, sessions: matching.length });
      return matching;
    },
    async createSession(scopes) {
      record({ call: 'createSession', scopes: [...scopes] });
      const session = { id: 'double-' + next++, accessToken: TOKEN, account: { id: '4242', label: ${JSON.stringify(AUTH_DOUBLE_ACCOUNT)} }, scopes: [...scopes] };
      sessions = [session];
      changed.fire({ added: [session], removed: [], changed: [] });
      return session;
    },
    async removeSession(id) {
      record({ call: 'removeSession' });
      const removed = sessions.filter((s) => s.id === id);
      sessions = sessions.filter((s) => s.id !== id);
      changed.fire({ added: [], removed, changed: [] });
    },
  };
  context.subscriptions.push(
    changed,
    vscode.authentication.registerAuthenticationProvider('github', 'GitHub', provider, { supportsMultipleAccounts: false }),
    vscode.commands.registerCommand('reposcoutTest.signOut', async () => {
      for (const s of [...sessions]) await provider.removeSession(s.id);
      void vscode.window.showInformationMessage('Auth double: signed out of GitHub.');
    }),
  );
  record({ call: 'activate' });
};
`;
}
