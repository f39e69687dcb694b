import { describe, expect, it } from 'vitest';
import { ToolError } from './engine/errors';
import { describeError, isSignInDeclined, SIGN_IN_DECLINED_MESSAGE } from './errors-ui';

describe('describeError', () => {
  it('turns a github_token remedy into a sign-in the editor can do, not an environment variable', () => {
    const remedy = { do: 'github_token', then: { do: 'ingest', target: 'acme', host: null, resume: true } } as const;
    const described = describeError(new ToolError('ingest_github', 'GITHUB_AUTH', 'GitHub requires authentication for listing the repositories of acme (401), and RepoScout has no GitHub token.', 'words for an agent', remedy));
    expect(described.signIn).toBe(true);
    expect(described.message).toBe(
      'GitHub requires authentication for listing the repositories of acme (401), and RepoScout has no GitHub token. (GITHUB_AUTH) ' +
        'Sign in to GitHub with "RepoScout: Sign in to GitHub" (with an account that can read it), then run the command again.',
    );
    expect(described.message).not.toMatch(/GITHUB_TOKEN|GH_TOKEN|environment|words for an agent/);
  });

  it('offers a sign-in for GITHUB_AUTH even without a remedy', () => {
    expect(describeError(new ToolError('ingest_github', 'GITHUB_AUTH', 'GitHub rejected the token.', null)).signIn).toBe(true);
  });

  it('offers no sign-in for other failures', () => {
    expect(describeError(new ToolError('ingest_github', 'GITHUB_RATE_LIMITED', 'Rate limit used up.', null)).signIn).toBe(false);
    expect(describeError(new Error('boom')).signIn).toBe(false);
  });

  it.each([
    [{ do: 'research_local', path: '/r' }, 'Analyse it with "RepoScout: Analyze Workspace Repository".', null],
    [{ do: 'ingest', target: 'acme', host: null, resume: true }, 'Run "RepoScout: Ingest GitHub Owner…" again for it to carry on where it stopped.', null],
    [{ do: 'add_repository' }, 'Add repositories with "RepoScout: Analyze Workspace Repository" or "RepoScout: Ingest GitHub Owner…".', null],
    [{ do: 'fix_input', input: 'db' }, 'Check the "reposcout.databasePath" setting.', 'reposcout.databasePath'],
    [{ do: 'fix_input', input: 'githubHost' }, 'Check the "reposcout.githubHost" setting.', 'reposcout.githubHost'],
    [{ do: 'fix_input', input: 'modelDir' }, 'Check the "reposcout.modelFolder" setting.', 'reposcout.modelFolder'],
    [{ do: 'fix_input', input: 'path' }, 'Change what you entered and try again.', null],
    [{ do: 'list', what: 'memories' }, 'The Memory view in the RepoScout sidebar lists them.', null],
    [{ do: 'rebuild_vectors' }, 'Rebuild the vectors in a terminal with "reposcout embed --rebuild" on the same database.', null],
  ] as const)('words the remedy %j in its own commands and settings', (remedy, next, setting) => {
    const described = describeError(new ToolError('x', 'INVALID_INPUT', 'Wrong.', 'words for an agent', remedy));
    expect(described.message).toBe(`Wrong. ${next}`);
    expect(described.setting).toBe(setting);
  });
});

describe('isSignInDeclined', () => {
  it("recognises VS Code's consent Cancel and a provider's cancellation", () => {
    expect(isSignInDeclined(new Error('User did not consent to login.'))).toBe(true);
    expect(isSignInDeclined(new Error('User did not consent to account access'))).toBe(true);
    const canceled = new Error('Canceled');
    canceled.name = 'Canceled';
    expect(isSignInDeclined(canceled)).toBe(true);
    expect(isSignInDeclined(new Error('Cancelled'))).toBe(true);
  });

  it('leaves real failures to the error path', () => {
    expect(isSignInDeclined(new Error('Timed out waiting for authentication provider "github" to register.'))).toBe(false);
    expect(isSignInDeclined('User did not consent to login.')).toBe(false);
  });

  it('says what is left behind and how to sign in later', () => {
    expect(SIGN_IN_DECLINED_MESSAGE).toMatch(/fetched nothing and keeps no token/);
    expect(SIGN_IN_DECLINED_MESSAGE).toMatch(/"RepoScout: Sign in to GitHub"/);
  });
});
