import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { toolErrorSchema, VSCODE_CLIENT_NAME, type ToolArgs, type ToolContract, type ToolResult } from '../../shared/protocol';
import { CancelledError, resourceReadError, ToolError } from './errors';
import { checkNodeVersion, classifyEngineExit, EngineError, MIN_NODE_VERSION, type EngineLaunch } from './launch';
import type { ChildProcessTransport, ProcessExit } from './transport';

export type EngineState = 'stopped' | 'starting' | 'running' | 'failed';

export interface EngineStatus {
  state: EngineState;
  /** Why the engine is failed or last stopped. */
  error: EngineError | null;
  /** Tool names the running engine serves (empty unless running). */
  tools: ReadonlySet<string>;
  nodeVersion: string | null;
  pid: number | null;
  /** Milliseconds from spawn to a completed MCP handshake, for the last start. */
  startMs: number | null;
}

/** Where the client writes; a VS Code LogOutputChannel fits. */
export interface EngineLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export interface EngineClientOptions {
  /** Computes how to start the engine; called on every (re)start so settings and sign-in apply. */
  resolveLaunch: () => Promise<EngineLaunch>;
  log: EngineLog;
  onStatus?: (status: EngineStatus) => void;
  /** `node --version` of a candidate Node; replaced in tests. */
  probeNode?: (command: string, env: Record<string, string>) => Promise<string>;
  version?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Progress from the engine, as a fraction 0-1 when the engine knows the total. */
  onProgress?: (progress: { done: number; total: number | undefined; message: string | undefined }) => void;
  /** Long work: the timeout restarts with every progress notification. */
  long?: boolean;
}

const READ_TIMEOUT_MS = 60_000;
const LONG_TIMEOUT_MS = 10 * 60_000;
const HANDSHAKE_TIMEOUT_MS = 30_000;
const STDERR_TAIL = 40;
// After this many starts that die within CRASH_WINDOW_MS, stop restarting until asked.
const MAX_QUICK_CRASHES = 3;
const CRASH_WINDOW_MS = 30_000;

interface Connection {
  client: Client;
  transport: ChildProcessTransport;
  startedAt: number;
}

/**
 * The extension's MCP client of the engine process. Starts the engine lazily on the first
 * call, starts it again after it dies, classifies start failures (no Node, old Node, native
 * module for another Node) and turns tool error results into ToolErrors. Knows nothing of
 * VS Code: the host passes its log and listens to status changes.
 */
export class EngineClient {
  private connection: Promise<Connection> | null = null;
  private status: EngineStatus = { state: 'stopped', error: null, tools: new Set(), nodeVersion: null, pid: null, startMs: null };
  private stderrTail: string[] = [];
  private partialLine = '';
  private quickCrashes: number[] = [];
  private disposed = false;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: EngineClientOptions) {}

  get current(): EngineStatus {
    return this.status;
  }

  /** True when the running engine serves `tool` (false while not running). */
  has(tool: string | Pick<ToolContract, 'name'>): boolean {
    return this.status.tools.has(typeof tool === 'string' ? tool : tool.name);
  }

  /** Resolves when no tool call or resource read is in flight (a restart then interrupts nothing). */
  whenIdle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async tracked<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /** Starts the engine if needed and resolves once the MCP handshake is done. */
  async ensureStarted(): Promise<EngineStatus> {
    await this.connect();
    return this.status;
  }

  /**
   * Calls a tool by its contract and returns its structuredContent parsed by the contract's
   * output schema. Throws ToolError (with the engine's error code) for an error result,
   * CancelledError when `signal` aborts, EngineError when the engine cannot start or dies
   * during the call.
   */
  call<C extends ToolContract>(contract: C, args: ToolArgs<C>, options: CallOptions = {}): Promise<ToolResult<C>> {
    return this.tracked(() => this.callNow(contract, args, options));
  }

  private async callNow<C extends ToolContract>(contract: C, args: ToolArgs<C>, options: CallOptions): Promise<ToolResult<C>> {
    const tool = contract.name;
    if (options.signal?.aborted) throw new CancelledError();
    const connection = await this.connect();
    let result;
    try {
      result = await connection.client.callTool({ name: tool, arguments: args as Record<string, unknown> }, undefined, {
        signal: options.signal,
        timeout: options.long ? LONG_TIMEOUT_MS : READ_TIMEOUT_MS,
        resetTimeoutOnProgress: options.long ?? false,
        onprogress: options.onProgress ? (p) => options.onProgress?.({ done: p.progress, total: p.total, message: p.message }) : undefined,
      });
    } catch (error) {
      if (options.signal?.aborted) throw new CancelledError();
      throw await this.explainCallFailure(connection, tool, error);
    }
    if (result.isError) {
      const error = toolErrorSchema.safeParse(result.structuredContent);
      if (error.success) throw new ToolError(tool, error.data.error.code, error.data.error.message, error.data.error.next, error.data.error.remedy ?? null);
      // Not a RepoScout error (the MCP layer itself refused the call): keep its words.
      const text = (result.content as { type: string; text?: string }[]).filter((c) => c.type === 'text').map((c) => c.text ?? '').join('\n');
      throw new ToolError(tool, 'TOOL_ERROR', text.trim() || `${tool} failed without a message.`, null);
    }
    const parsed = contract.output.safeParse(result.structuredContent);
    if (!parsed.success) {
      this.options.log.error(`${tool} answered in an unexpected shape: ${parsed.error.message.slice(0, 500)}`);
      throw new ToolError(tool, 'UNEXPECTED_ANSWER', `The engine's ${tool} answered in a shape this extension does not understand; the extension and its engine may be from different versions.`, null);
    }
    return parsed.data as ToolResult<C>;
  }

  /** Reads a resource's text (reports as Markdown). Throws as readContents does. */
  async readText(uri: string, signal?: AbortSignal): Promise<string> {
    const contents = await this.readContents(uri, { signal });
    return contents.map((c) => c.text ?? '').join('\n');
  }

  /**
   * Reads a resource's contents, text or binary (a blob is base64 on the wire; returned as
   * bytes). Throws ToolError with the engine's code and remedy when the engine refuses the read,
   * CancelledError when `signal` aborts, EngineError when the engine cannot start or dies.
   */
  readContents(uri: string, options: { signal?: AbortSignal; long?: boolean } = {}): Promise<{ mimeType: string | null; text: string | null; bytes: Uint8Array | null }[]> {
    return this.tracked(() => this.readContentsNow(uri, options));
  }

  private async readContentsNow(uri: string, options: { signal?: AbortSignal; long?: boolean }): Promise<{ mimeType: string | null; text: string | null; bytes: Uint8Array | null }[]> {
    const connection = await this.connect();
    try {
      const result = await connection.client.readResource({ uri }, { signal: options.signal, timeout: options.long ? LONG_TIMEOUT_MS : READ_TIMEOUT_MS });
      return result.contents.map((c) => ({
        mimeType: c.mimeType ?? null,
        text: 'text' in c && typeof c.text === 'string' ? c.text : null,
        bytes: 'blob' in c && typeof c.blob === 'string' ? Buffer.from(c.blob, 'base64') : null,
      }));
    } catch (error) {
      if (options.signal?.aborted) throw new CancelledError();
      throw resourceReadError(uri, error) ?? (await this.explainCallFailure(connection, uri, error));
    }
  }

  /** Stops the engine; the next call starts a fresh one (settings and sign-in re-read). */
  async restart(): Promise<void> {
    this.quickCrashes = [];
    await this.stop();
    this.setStatus({ state: 'stopped', error: null });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stop();
  }

  private async stop(): Promise<void> {
    const pending = this.connection;
    this.connection = null;
    if (!pending) return;
    try {
      const { client } = await pending;
      await client.close();
    } catch {
      // A start that failed has nothing to close.
    }
  }

  private connect(): Promise<Connection> {
    if (this.disposed) return Promise.reject(new EngineError('EXITED', 'RepoScout is shutting down.'));
    if (this.status.state === 'failed' && this.status.error && !this.connection) return Promise.reject(this.status.error);
    if (!this.connection) {
      const starting = this.start();
      this.connection = starting;
      starting.catch((error: unknown) => {
        if (this.connection === starting) this.connection = null;
        const engineError = error instanceof EngineError ? error : new EngineError('EXITED', String(error));
        this.setStatus({ state: 'failed', error: engineError, tools: new Set(), pid: null });
      });
    }
    return this.connection;
  }

  private async start(): Promise<Connection> {
    const { log } = this.options;
    this.setStatus({ state: 'starting', error: null });
    const launch = await this.options.resolveLaunch();
    if (!fs.existsSync(launch.script)) {
      throw new EngineError('ENGINE_MISSING', `The engine ${launch.script} is missing from the extension folder; reinstall the RepoScout extension.`);
    }
    const nodeVersion = await this.checkNode(launch);
    const began = performance.now();
    this.stderrTail = [];
    // The MCP SDK is loaded on first start, not at activation: evaluating it (and its schemas)
    // is most of the extension's load time.
    const [{ Client, ReadBuffer, serializeMessage }, { ChildProcessTransport }] = await Promise.all([import('./mcp-sdk'), import('./transport')]);
    const transport = new ChildProcessTransport(launch, (chunk) => this.onStderr(chunk), { ReadBuffer, serializeMessage });
    const client = new Client({ name: VSCODE_CLIENT_NAME, version: this.options.version ?? '0.0.0' }, { capabilities: {} });
    log.info(`starting the engine: ${launch.command} ${launch.args.map(quoteArg).join(' ')}`);
    const handshake = client.connect(transport, { timeout: HANDSHAKE_TIMEOUT_MS });
    const exitedEarly = transport.exited().then((exit) => {
      throw classifyEngineExit(launch.command, { ...exit, stderr: this.stderrTail.join('\n') });
    });
    try {
      await Promise.race([handshake, exitedEarly]);
    } catch (error) {
      await transport.close().catch(() => undefined);
      if (error instanceof EngineError) throw error;
      const exit = await Promise.race([transport.exited(), delay(1000).then(() => null)]);
      if (exit) throw classifyEngineExit(launch.command, { ...exit, stderr: this.stderrTail.join('\n') });
      throw new EngineError('EXITED', `The engine did not answer the MCP handshake: ${(error as Error).message}`);
    }
    exitedEarly.catch(() => undefined);
    const { tools } = await client.listTools(undefined, { timeout: HANDSHAKE_TIMEOUT_MS });
    const startMs = Math.round(performance.now() - began);
    const connection: Connection = { client, transport, startedAt: Date.now() };
    void transport.exited().then((exit) => this.onExit(connection, exit, launch.command));
    log.info(`engine ready in ${startMs} ms (pid ${transport.pid ?? '?'}, Node ${nodeVersion}); ${tools.length} tools: ${tools.map((t) => t.name).join(', ')}`);
    this.setStatus({ state: 'running', error: null, tools: new Set(tools.map((t) => t.name)), nodeVersion, pid: transport.pid ?? null, startMs });
    return connection;
  }

  private async checkNode(launch: EngineLaunch): Promise<string> {
    if (launch.runtimeVersion) return launch.runtimeVersion;
    const probe = this.options.probeNode ?? probeNodeVersion;
    let output: string;
    try {
      output = await probe(launch.command, launch.env);
    } catch (error) {
      throw classifyEngineExit(launch.command, { spawnError: error as NodeJS.ErrnoException, stderr: '' });
    }
    const { version, ok } = checkNodeVersion(output);
    if (!ok) {
      throw new EngineError(
        'NODE_TOO_OLD',
        `"${launch.command}" is Node.js ${version || '(unknown version)'}; RepoScout's engine needs Node.js ${MIN_NODE_VERSION} or newer. Set reposcout.nodePath to a newer Node.js.`,
      );
    }
    return version;
  }

  private onExit(connection: Connection, exit: ProcessExit, nodePath: string): void {
    const expected = this.connection === null || this.disposed;
    if (expected) {
      this.options.log.info('engine stopped');
      return;
    }
    const error = classifyEngineExit(nodePath, { ...exit, stderr: this.stderrTail.join('\n') });
    this.options.log.error(error.message);
    this.connection = null;
    const now = Date.now();
    this.quickCrashes = [...this.quickCrashes.filter((t) => now - t < CRASH_WINDOW_MS), ...(now - connection.startedAt < CRASH_WINDOW_MS ? [now] : [])];
    if (this.quickCrashes.length >= MAX_QUICK_CRASHES) {
      this.setStatus({ state: 'failed', error: new EngineError(error.reason, `${error.message} It stopped ${MAX_QUICK_CRASHES} times in a row; fix the cause and run "RepoScout: Restart Engine".`), tools: new Set(), pid: null });
    } else {
      // The next call starts a fresh engine.
      this.setStatus({ state: 'stopped', error, tools: new Set(), pid: null });
    }
  }

  /** A failed request: if the engine died under it, say that (with why) instead of "connection closed". */
  private async explainCallFailure(connection: Connection, what: string, error: unknown): Promise<Error> {
    const exit = await Promise.race([connection.transport.exited(), delay(300).then(() => null)]);
    if (exit) {
      const cause = classifyEngineExit(this.status.nodeVersion ?? 'node', { ...exit, stderr: this.stderrTail.join('\n') });
      return new EngineError(cause.reason, `The RepoScout engine stopped while working on ${what}. ${cause.message}`);
    }
    // The SDK's own timeout (its ErrorCode.RequestTimeout; the SDK is loaded with the engine).
    const { ErrorCode } = await import('./mcp-sdk');
    if ((error as { code?: unknown } | null)?.code === ErrorCode.RequestTimeout) {
      return new EngineError('EXITED', `The engine did not answer ${what} in time; it may be busy with a long analysis. Try again, or restart the engine.`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  private onStderr(chunk: string): void {
    const text = this.partialLine + chunk;
    const lines = text.split('\n');
    this.partialLine = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.replace(/\r$/, '');
      if (line === '') continue;
      this.stderrTail.push(line);
      if (this.stderrTail.length > STDERR_TAIL) this.stderrTail.shift();
      const body = line.replace(/^reposcout(?: mcp)?: /, '');
      if (/^error: /.test(body)) this.options.log.error(body.slice(7));
      else if (/^warning: /.test(body)) this.options.log.warn(body.slice(9));
      else if (body === line && /Error|^\s+at /.test(line)) this.options.log.error(line);
      else this.options.log.info(body);
    }
  }

  private setStatus(change: Partial<EngineStatus>): void {
    this.status = { ...this.status, ...change };
    this.options.onStatus?.(this.status);
  }
}

function probeNodeVersion(command: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, ['--version'], { env, timeout: 10_000, windowsHide: true }, (error, stdout) => {
      if (error && (error as NodeJS.ErrnoException).code !== undefined && typeof (error as NodeJS.ErrnoException).code === 'string') reject(error);
      else if (error) reject(Object.assign(new Error(`${command} --version failed: ${error.message}`), { code: 'EFAIL' }));
      else resolve(stdout);
    });
  });
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const quoteArg = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a));
