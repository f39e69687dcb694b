import type { Migration } from './types';

/** Pull requests by other people that a developer reviewed: the portfolio's "whose work they reviewed". */
export const reviewsGiven: Migration = {
  version: 7,
  name: 'reviews-given',
  sql: `
    -- One row per (reviewer, PR): GitHub only (git cannot see reviews). The reviewer is a
    -- login in lower case; a person with several logins is matched in code.
    create table achievement_reviews_given (
      reviewer text not null,
      repository_key text not null,
      repository text not null,
      number integer not null,
      title text not null,
      url text,
      author_login text,
      author_is_bot integer not null,
      merged_at text not null,
      reviews integer not null,
      first_review_at text,
      updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      primary key (reviewer, repository_key, number)
    );
    create index achievement_reviews_given_merged on achievement_reviews_given(reviewer, merged_at);
  `,
};
