import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { toolErrorText, type ResourceErrorData, type ToolErrorPayload } from '../../shared/protocol/errors';
import type { Logger } from './logger';
import { errorPayload } from './tool-results';

// Resource reads fail with a JSON-RPC error, not a result: the code, message, next step and
// remedy a tool error carries in structuredContent travel here in the error's `data`
// (shared/protocol's resourceErrorDataSchema), so a client switches on them, never on words.

/** JSON-RPC code the MCP specification gives "resource not found" (also used for what a caller can fix). */
export const RESOURCE_NOT_FOUND = -32002;
const INTERNAL_ERROR = -32603;

/** A failed resource read: `data` holds the URI and the error payload; `message` is its paragraph of text. */
export class ResourceReadError extends McpError {
  constructor(uri: string, error: ToolErrorPayload, jsonRpcCode = error.code === 'INTERNAL' ? INTERNAL_ERROR : RESOURCE_NOT_FOUND) {
    super(jsonRpcCode, toolErrorText(error), { uri, error } satisfies ResourceErrorData);
    // McpError puts "MCP error <code>: " before the text, and the SDK sends `message` as it is:
    // the client's McpError would say the code twice.
    this.message = toolErrorText(error);
  }
}

type Read = (uri: URL, variables: Record<string, string | string[] | undefined>) => ReadResourceResult | Promise<ReadResourceResult>;

/**
 * Wraps a resource's read callback so every failure leaves it as a ResourceReadError: engine
 * errors with their next step in this server's tools (`tools`), anything else as INTERNAL with
 * the details in the server's log.
 */
export function failingAsData(read: Read, log: Logger, tools?: ReadonlySet<string>): Read {
  return async (uri, variables) => {
    try {
      return await read(uri, variables);
    } catch (error) {
      if (error instanceof ResourceReadError) throw error;
      throw new ResourceReadError(uri.href, errorPayload(error, uri.href, log, tools));
    }
  };
}
