// Imported first by extension.ts, so this runs before the rest of the bundle is evaluated:
// the activation time in the log covers loading the extension's code as well as activate().
export const loadedAt = performance.now();
