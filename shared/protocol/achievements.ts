import { z } from 'zod';

// The achievements capability's contract: records, tool inputs and outputs. Zod only, no
// engine imports, so the engine, the MCP tools and the extension parse with the same shapes.

/** The change classes a pull request falls into. */
export const PR_CLASSES = ['feature', 'fix', 'performance', 'security', 'refactor', 'docs', 'tests', 'build-ci', 'chore', 'revert'] as const;
export const prClassSchema = z.enum(PR_CLASSES);
export type PrClass = z.infer<typeof prClassSchema>;

/** Which step of the cascade decided a class: the author's own words first, then paths, then the model. */
export const CLASSIFY_RULES = ['conventional-prefix', 'label', 'revert-title', 'security-words', 'paths-docs', 'paths-tests', 'paths-ci-build', 'paths-dependencies', 'model'] as const;
export const classifyRuleSchema = z.enum(CLASSIFY_RULES);
export type ClassifyRule = z.infer<typeof classifyRuleSchema>;

export const changedFileSchema = z.object({
  path: z.string().min(1).max(4_096),
  // null for binary files, as git's numstat reports them
  additions: z.number().int().min(0).nullable(),
  deletions: z.number().int().min(0).nullable(),
});
export type ChangedFile = z.infer<typeof changedFileSchema>;

/** One line of a `reposcout classify` input file; `label` and unknown keys are ignored. */
export const classifyRecordSchema = z.object({
  id: z.union([z.string().min(1).max(500), z.number().int()]).transform(String),
  title: z.string().max(2_000),
  files: z.array(changedFileSchema).max(100_000).default([]),
  labels: z.array(z.string().max(200)).max(200).optional(),
});
export type ClassifyRecord = z.input<typeof classifyRecordSchema>;

export const classificationSchema = z.object({
  class: prClassSchema,
  rule: classifyRuleSchema,
  confidence: z.number().min(0).max(1),
});
export type Classification = z.infer<typeof classificationSchema>;
