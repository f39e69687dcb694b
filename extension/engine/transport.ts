import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { ReadBuffer as ReadBufferType } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { EngineLaunch } from './launch';

/** How the engine process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  spawnError?: NodeJS.ErrnoException;
}

/**
 * MCP over the stdio of a child process we spawn ourselves (rather than the SDK's
 * StdioClientTransport) so the extension sees the exit code, the signal and every stderr
 * line, which is what turns "connection closed" into a message a person can act on.
 */
export class ChildProcessTransport implements Transport {

  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly buffer: ReadBufferType;
  private exitInfo: ProcessExit | null = null;
  private readonly exitWaiters: ((exit: ProcessExit) => void)[] = [];

  private readonly serialize: (message: JSONRPCMessage) => string;

  constructor(
    private readonly launch: EngineLaunch,
    private readonly onStderr: (chunk: string) => void,
    framing: { ReadBuffer: new () => ReadBufferType; serializeMessage: (message: JSONRPCMessage) => string },
  ) {
    this.buffer = new framing.ReadBuffer();
    this.serialize = framing.serializeMessage;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves when the process has ended (at once if it already has). */
  exited(): Promise<ProcessExit> {
    if (this.exitInfo) return Promise.resolve(this.exitInfo);
    return new Promise((resolve) => this.exitWaiters.push(resolve));
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.launch.command, this.launch.args, { env: this.launch.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      this.child = child;
      let started = false;
      child.on('spawn', () => {
        started = true;
        resolve();
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (!started) {
          this.finish({ code: null, signal: null, spawnError: error });
          reject(error);
        } else this.onerror?.(error);
      });
      child.on('close', (code, signal) => this.finish({ code, signal }));
      child.stdout.on('data', (chunk: Buffer) => {
        this.buffer.append(chunk);
        for (;;) {
          let message: JSONRPCMessage | null;
          try {
            message = this.buffer.readMessage();
          } catch (error) {
            this.onerror?.(error as Error);
            continue;
          }
          if (message === null) break;
          this.onmessage?.(message);
        }
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => this.onStderr(chunk));
      // A write after the engine died fails with EPIPE; the close handler reports the death.
      child.stdin.on('error', (error) => this.onerror?.(error));
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    const child = this.child;
    if (!child || this.exitInfo) return Promise.reject(new Error('The RepoScout engine is not running.'));
    return new Promise((resolve) => {
      if (child.stdin.write(this.serialize(message))) resolve();
      else child.stdin.once('drain', resolve);
    });
  }

  /** Closes stdin (the engine's signal to finish), then terminates it if it lingers. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || this.exitInfo) return;
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGTERM'), 2000);
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await this.exited();
    clearTimeout(timer);
    clearTimeout(killer);
  }

  private finish(exit: ProcessExit): void {
    if (this.exitInfo) return;
    this.exitInfo = exit;
    this.buffer.clear();
    for (const waiter of this.exitWaiters.splice(0)) waiter(exit);
    this.onclose?.();
  }
}
