/** A numbered schema change. Versions are dense and only ever appended. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
