// The Anthropic SDK behind one module, so the command-line bundle can leave it in a file of
// its own (dist/anthropic-sdk.mjs, 1.3 MB) that only `--llm anthropic` loads: every other
// command and the MCP server start without parsing it.
export { Anthropic, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
