// What the classifier evaluation and refit scripts need from the engine, bundled by
// bundle.mjs (through classify-data.mjs) so they run on plain Node against the same code as the CLI.
export { classifyChange } from '../../shared/achievements/classify/classify';
export { changeFeatures } from '../../shared/achievements/classify/features';
export { fitLinearModel } from '../../shared/achievements/classify/fit';
export { classifyRecordSchema } from '../../shared/protocol/achievements';
export { scoreClassifications } from '../../shared/achievements/classify/score';
