// Types of bundle.mjs, for the TypeScript that imports it (tests).
import type { BuildOptions, Plugin } from 'esbuild';

export const PAGES: Record<string, { entry: string; styles: string[] }>;
export const browserBuild: BuildOptions;
export function pageModule(root: string, name: string): Promise<string>;
export function pagesEsbuildPlugin(root: string): Plugin;
export function pagesVitePlugin(root: string): { name: string; resolveId(source: string): string | undefined; load(id: string): Promise<string> | undefined };
