import { describe, expect, it, vi } from 'vitest';
import { checkedForWebview, dispatchToHost } from './dispatch';
import { parseMessage, toWebviewSchema, type ToWebview } from './protocol';

describe('dispatchToHost (webview → host)', () => {
  it('runs the action for a valid message', async () => {
    const openRepository = vi.fn();
    const warn = vi.fn();
    expect(await dispatchToHost({ type: 'openRepository', key: 'local:/src/app' }, { openRepository }, warn)).toBe(true);
    expect(openRepository).toHaveBeenCalledWith({ type: 'openRepository', key: 'local:/src/app' });
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['no type', { key: 'x' }],
    ['unknown type', { type: 'runShell', command: 'rm -rf /' }],
    ['wrong field type', { type: 'openRepository', key: 42 }],
    ['missing field', { type: 'openContributor', name: 'Alice' }],
    ['a javascript: link', { type: 'openExternal', url: 'javascript:alert(1)' }],
    ['a command: link', { type: 'openExternal', url: 'command:workbench.action.terminal.new' }],
    ['a file: link', { type: 'openExternal', url: 'file:///etc/passwd' }],
    ['an oversized key', { type: 'openRepository', key: 'x'.repeat(5000) }],
  ])('ignores a malformed message (%s) and says why', async (_label, raw) => {
    const actions = { openRepository: vi.fn(), openContributor: vi.fn(), openExternal: vi.fn() };
    const warn = vi.fn();
    expect(await dispatchToHost(raw, actions, warn)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^ignored a malformed/));
    for (const action of Object.values(actions)) expect(action).not.toHaveBeenCalled();
  });

  it('ignores a valid message the panel does not handle', async () => {
    const warn = vi.fn();
    expect(await dispatchToHost({ type: 'reanalyze', key: 'k' }, { openRepository: vi.fn() }, warn)).toBe(false);
    expect(warn).toHaveBeenCalledWith('ignored a "reanalyze" message this panel does not handle');
  });

  it('accepts web links only', async () => {
    const openExternal = vi.fn();
    await dispatchToHost({ type: 'openExternal', url: 'https://doi.org/10.5281/zenodo.1' }, { openExternal }, vi.fn());
    expect(openExternal).toHaveBeenCalledOnce();
  });
});

describe('host → webview messages', () => {
  it('refuses a report with a wrong shape, naming the field', () => {
    const parsed = parseMessage(toWebviewSchema, { type: 'report', model: { key: 'k' } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(/^ignored a malformed "report" message at model\./);
  });

  it('posts only what the protocol accepts: a model it refuses becomes an error message, and the log says why', () => {
    const warn = vi.fn();
    const good: ToWebview = { type: 'error', message: 'boom', retry: false };
    expect(checkedForWebview(good, warn)).toEqual(good);
    // A title longer than the protocol's 2,000 characters (the webview checks kinds, not lengths).
    const loading = { type: 'loading', title: 'x'.repeat(2001), state: { kind: 'report', key: 'k' } } as ToWebview;
    expect(checkedForWebview(loading, warn)).toEqual({ type: 'error', message: expect.stringMatching(/^The loading data did not match what this view can show;/), retry: true });
    expect(warn).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^did not post a malformed "loading" message at title: /));
  });

  it('accepts loading and error messages', () => {
    expect(parseMessage(toWebviewSchema, { type: 'loading', title: 'Loading…', state: { kind: 'report', key: 'k' } }).ok).toBe(true);
    expect(parseMessage(toWebviewSchema, { type: 'error', message: 'boom', retry: true }).ok).toBe(true);
    expect(parseMessage(toWebviewSchema, { type: 'loading', title: 'x', state: { kind: 'elsewhere' } }).ok).toBe(false);
  });
});

describe('portfolio panel messages', () => {
  it('restores a portfolio panel by whose it is, and refuses one without a person', () => {
    expect(parseMessage(toWebviewSchema, { type: 'loading', title: 'x', state: { kind: 'portfolio', who: 'alice@example.com', as: ['alice'] } }).ok).toBe(true);
    expect(parseMessage(toWebviewSchema, { type: 'loading', title: 'x', state: { kind: 'portfolio', as: [] } }).ok).toBe(false);
    const broken = parseMessage(toWebviewSchema, { type: 'portfolio', model: { who: 'alice', totals: { prs: 'three' } } });
    expect(broken.ok).toBe(false);
  });

  it('runs export and self-review only on a panel that offers them', async () => {
    const exportPortfolio = vi.fn();
    expect(await dispatchToHost({ type: 'exportPortfolio' }, { exportPortfolio }, vi.fn())).toBe(true);
    expect(exportPortfolio).toHaveBeenCalledOnce();
    const warn = vi.fn();
    expect(await dispatchToHost({ type: 'writeSelfReview' }, { openRepository: vi.fn() }, warn)).toBe(false);
    expect(warn).toHaveBeenCalledWith('ignored a "writeSelfReview" message this panel does not handle');
  });
});
