// The recommendation engine's API, for the CLI and the MCP `recommend` toolset.
export { similarRepositories, SIMILARITY_FACTORS, type SimilarOptions, type SimilarResult } from './similar';
export { recommendForDeveloper, GOOD_FIRST_LABEL, type DeveloperRecommendations, type IssueRecommendation, type DeveloperRecommendationOptions } from './for-developer';
export { peopleToAsk, PEOPLE_FACTORS, type PeopleResult, type PersonToAsk, type PeopleOptions } from './people';
export { buildProfile, resolvePerson, type DeveloperProfile } from './profile';
export { resolveRepository } from './resolve-repository';
export { similarInputSchema, recommendInputSchema, peopleInputSchema } from './schemas';
export type { FactorExplanation, RepositoryCard, RepositoryRecommendation } from './types';
