// The parts of the MCP SDK the extension uses, bundled on their own (dist/mcp-sdk.cjs) and
// loaded when the engine first starts: parsing and evaluating the SDK and its schemas is
// most of what loading the extension would otherwise cost at activation.
export { Client } from '@modelcontextprotocol/sdk/client/index.js';
export { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
export { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
