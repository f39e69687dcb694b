// Types of bundle.mjs, for the TypeScript that imports it (test/browser-bundles.test.ts).
import type { BuildOptions, Plugin } from 'esbuild';

export const REPORT_PAGE_MODULE: string;
export const browserBuild: BuildOptions;
export function reportPageModule(root: string): Promise<string>;
export function reportPageEsbuildPlugin(root: string): Plugin;
export function reportPageVitePlugin(root: string): { name: string; resolveId(source: string): string | undefined; load(source: string): Promise<string> | undefined };
