// Repository records as JSON Lines: the shape `reposcout export` writes and `import` reads.
export { importRepositories, type ImportOptions, type ImportResult } from './import';
export { exportRepositories } from './export';
export { repositoryRecordSchema, type RepositoryRecord, type IssueRecord } from './record';
export { documentsFromRecord } from './repository-document';
