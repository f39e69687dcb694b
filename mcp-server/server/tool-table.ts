import type { ToolDefinition } from './tool';
import { listedTool } from './tool-listing';
import { allTools } from './tools/index';
import { defaultToolsets, toolsets as allToolsets } from './toolsets';

export const TABLE_START = '<!-- tools:start -->';
export const TABLE_END = '<!-- tools:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The first sentence of a description: up to the first stop followed by a capital letter or the end. */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s+[A-Z]|\s*$)/s.exec(text);
  return (match?.[0] ?? text).trim();
}

/** Bytes of the tools/list answer (`{"tools":[…]}` as JSON) for these tools: what an agent's context pays. */
export function toolListingBytes(tools: readonly ToolDefinition[]): number {
  return Buffer.byteLength(JSON.stringify({ tools: tools.map(listedTool) }));
}

/**
 * The README's tool reference, generated from the tool definitions themselves (so it cannot
 * drift): one row per tool, then the toolsets with their tool counts and defaults.
 */
export function renderToolTable(tools: readonly ToolDefinition[] = allTools, sets: readonly { id: string; description: string; enabledByDefault: boolean }[] = allToolsets): string {
  const lines = ['| Tool | Toolset | Writes? | What it does |', '|---|---|---|---|'];
  for (const tool of tools) {
    const writes = tool.hints.readOnlyHint ? 'no' : tool.hints.destructiveHint ? 'yes, destructive' : 'yes (removed by `--read-only`)';
    lines.push(`| \`${tool.name}\` | ${tool.toolset} | ${writes} | ${cell(firstSentence(tool.description))} |`);
  }
  lines.push('', '| Toolset | Default | Tools | Purpose |', '|---|---|---|---|');
  for (const set of sets) {
    const count = tools.filter((t) => t.toolset === set.id).length;
    lines.push(`| \`${set.id}\` | ${set.enabledByDefault ? 'on' : 'off'} | ${count === 0 ? 'none yet' : count} | ${cell(set.description)} |`);
  }
  const served = tools.filter((t) => (defaultToolsets as readonly string[]).includes(t.toolset));
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  lines.push(
    '',
    `tools/list costs an agent ${kb(toolListingBytes(served))} of context with the default toolsets (${served.length} tools) and ${kb(toolListingBytes(tools))} with all of them (${tools.length}).`,
  );
  return `${lines.join('\n')}\n`;
}

/** Returns the text between the tool table markers of a Markdown document, or null without them. */
export function extractToolTable(markdown: string): string | null {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) return null;
  return markdown.slice(start + TABLE_START.length, end).trim() + '\n';
}
