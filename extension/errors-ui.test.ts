import { describe, expect, it } from 'vitest';
import { ToolError } from './engine/errors';
import { describeError, isSignInDeclined, SIGN_IN_DECLINED_MESSAGE } from './errors-ui';

describe('describeError', () => {
  it('turns GITHUB_AUTH into a sign-in the editor can do, not an environment variable', () => {
    const engineSentence =
      'GitHub requires authentication for listing the repositories of acme (401); set GITHUB_TOKEN or GH_TOKEN in the RepoScout server\'s environment, then call ingest_github with target "acme" again to resume.';
    const described = describeError(new ToolError('ingest_github', 'GITHUB_AUTH', engineSentence, null));
    expect(described.signIn).toBe(true);
    expect(described.message).toMatch(/Sign in to GitHub with "RepoScout: Sign in to GitHub", then run the command again\./);
    expect(described.message).not.toMatch(/GITHUB_TOKEN|GH_TOKEN|environment/);
  });

  it('offers no sign-in for other failures', () => {
    expect(describeError(new ToolError('ingest_github', 'GITHUB_RATE_LIMITED', 'Rate limit used up.', null)).signIn).toBe(false);
    expect(describeError(new Error('boom')).signIn).toBe(false);
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
