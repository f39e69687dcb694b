import { describe, expect, it } from 'vitest';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ResourceErrorData } from '../../shared/protocol';
import { exportPortfolio, NoBrowserError } from './achievements';
import type { EngineClient } from './client';
import { resourceReadError, ToolError } from './errors';

// A refused resource read as the extension sees it: the SDK client's McpError with the engine's
// payload in `data` (the real engine is in client.test.ts and mcp-server's resource tests).
const uri = 'reposcout://portfolio/alice/export/pdf';
const refused = (error: ResourceErrorData['error'], code = -32002) => new McpError(code, `${error.code}: ${error.message}`, { uri, error } satisfies ResourceErrorData);
const noBrowser = refused({ code: 'EXPORT_FAILED', message: 'No Chromium-family browser was found on this machine to print the PDF.', next: 'Set CHROME_PATH.', remedy: { do: 'fix_input', input: 'browser' } }, -32010);

describe('resourceReadError', () => {
  it('reads code, message, next step and remedy from the error data', () => {
    const error = resourceReadError(uri, noBrowser);
    expect(error).toBeInstanceOf(ToolError);
    expect(error).toMatchObject({ tool: uri, code: 'EXPORT_FAILED', message: 'No Chromium-family browser was found on this machine to print the PDF.', next: 'Set CHROME_PATH.', remedy: { do: 'fix_input', input: 'browser' } });
  });

  it.each([
    ['no data', new McpError(-32001, 'Request timed out')],
    ['data of another shape', new McpError(-32002, 'gone', { uri })],
    ['a code outside the contract', new McpError(-32002, 'x', { uri, error: { code: 'SOMETHING_NEW', message: 'x', next: null } })],
    ['not an error at all', 'boom'],
    ['null', null],
  ])('leaves a failure with %s alone (null)', (_label, error) => {
    expect(resourceReadError(uri, error)).toBeNull();
  });
});

describe('exportPortfolio', () => {
  const engineFailing = (error: unknown) => ({ readContents: () => Promise.reject(error) }) as unknown as EngineClient;
  const person = { who: 'alice', as: [] };

  it('says a PDF needs a browser when the engine names the browser as the input to fix', async () => {
    const failure = await exportPortfolio(engineFailing(resourceReadError(uri, noBrowser)), person, 'pdf').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NoBrowserError);
    expect((failure as Error).message).toBe('No Chromium-family browser was found on this machine to print the PDF.');
  });

  it('passes every other refusal on as it is', async () => {
    const other = resourceReadError(uri, refused({ code: 'PERSON_NOT_FOUND', message: 'No stored pull requests by "alice".', next: null }));
    await expect(exportPortfolio(engineFailing(other), person, 'pdf')).rejects.toBe(other);
    await expect(exportPortfolio(engineFailing(resourceReadError(uri, noBrowser)), person, 'html')).rejects.toBeInstanceOf(ToolError);
  });
});
