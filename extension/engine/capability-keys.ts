// The toolset that serves each capability, for activation: it sets the capability context keys
// before the tool contracts (and zod) load. capabilities.ts derives the same from the contracts;
// a test keeps the two equal.
export const CAPABILITY_TOOLSETS = {
  research: 'research',
  ingest: 'research',
  organization: 'research',
  search: 'recommend',
  similar: 'recommend',
  people: 'recommend',
  memory: 'memory',
  achievements: 'achievements',
  collectAchievements: 'achievements',
} as const;

export function expectedCapabilityKeys(toolsets: readonly string[]): Record<keyof typeof CAPABILITY_TOOLSETS, boolean> {
  return Object.fromEntries(Object.entries(CAPABILITY_TOOLSETS).map(([name, toolset]) => [name, toolsets.includes(toolset)])) as Record<keyof typeof CAPABILITY_TOOLSETS, boolean>;
}
