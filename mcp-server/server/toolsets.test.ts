import { describe, expect, it } from 'vitest';
import { isRepoScoutError } from '../../shared/errors';
import { defaultToolsets, parseToolsets, toolsetIds } from './toolsets';
import { allTools } from './tools/index';

describe('parseToolsets', () => {
  it.each([
    [undefined, defaultToolsets],
    ['research', ['research']],
    [' Memory , research ', ['research', 'memory']],
    ['all', toolsetIds],
    ['default,orchestrate', toolsetIds],
    ['memory,memory', ['memory']],
  ])('%j → %j', (value, expected) => {
    expect(parseToolsets(value)).toEqual([...expected]);
  });

  it.each([
    ['bogus', /Unknown toolset "bogus" in --toolsets; choose from research, achievements, recommend, orchestrate, memory/],
    ['research,github', /Unknown toolset "github"/],
    ['', /needs at least one name/],
    [' , ', /needs at least one name/],
  ])('refuses %j as INVALID_INPUT', (value, message) => {
    try {
      parseToolsets(value);
      expect.unreachable();
    } catch (error) {
      expect(isRepoScoutError(error, 'INVALID_INPUT')).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('keeps orchestration, which will run processes, off by default', () => {
    expect(defaultToolsets).not.toContain('orchestrate');
  });

  it('every tool names a known toolset and a unique name', () => {
    for (const tool of allTools) expect(toolsetIds).toContain(tool.toolset);
    expect(new Set(allTools.map((t) => t.name)).size).toBe(allTools.length);
  });
});
