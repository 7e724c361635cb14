/**
 * The saved list views of a workspace (`_views`), created with the other system tables of every
 * workspace schema, new or existing (metadata/workspace.ts runs this at every start, so it is idempotent).
 *
 * A view belongs to its owner; `shared` makes it visible to everyone who may read its object. Names are
 * unique per owner and object, ignoring case, so "Big deals" and "big deals" cannot both sit in one menu.
 */
export function viewTables(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS "${schema}"._views (
      id uuid PRIMARY KEY,
      object text NOT NULL,
      name text NOT NULL,
      filter jsonb,
      sort jsonb NOT NULL DEFAULT '[]',
      search text,
      columns jsonb NOT NULL DEFAULT '[]',
      shared boolean NOT NULL DEFAULT false,
      owner uuid REFERENCES stratum.users(id) ON DELETE CASCADE,
      "createdAt" timestamptz NOT NULL DEFAULT now(),
      "updatedAt" timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX IF NOT EXISTS _views_name ON "${schema}"._views (object, owner, lower(name));
    CREATE INDEX IF NOT EXISTS _views_shared ON "${schema}"._views (object) WHERE shared;`;
}
