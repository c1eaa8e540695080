/** The store cannot be used as asked: a file that is not a database or is damaged, a backup that cannot be written. */
export class StoreError extends Error {}

/** A full-text query that SQLite cannot parse ("fts5: syntax error near ..."): the caller's mistake. */
export class SearchError extends Error {}
