import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Fresh, uniquely named schemas on the test PostgreSQL server, for tests and benchmarks: each gets
 * its own schema and drops it after, so no run touches another's data or anything else in the
 * database. The server comes from CQ_TEST_DATABASE_URL (set by `.ci/run`).
 */

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env['CQ_TEST_DATABASE_URL'] || DEFAULT_TEST_DATABASE_URL;
}

export interface TestSchema {
  schema: string;
  /** The database URL with this schema as its search_path. */
  url: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** `url` with `schema` as the connection's search_path. */
export function urlWithSchema(url: string, schema: string): string {
  return urlWithOptions(url, `-c search_path=${schema}`);
}

/** `url` with PostgreSQL startup options such as `-c name=value` (node-postgres reads the `options` parameter). */
export function urlWithOptions(url: string, options: string): string {
  const u = new URL(url);
  u.searchParams.set('options', options);
  return u.toString();
}

/** Creates an empty schema named `cq_test_<prefix>_<random>`. Rejects when PostgreSQL cannot be reached. */
export async function createTestSchema(prefix: string, base = testDatabaseUrl()): Promise<TestSchema> {
  const schema = `cq_test_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  await adminQuery(base, `CREATE SCHEMA ${schema}`);
  return {
    schema,
    url: urlWithSchema(base, schema),
    drop: () => adminQuery(base, `DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const message = `The PostgreSQL tests need a server at ${url} (set CQ_TEST_DATABASE_URL, or run .ci/run): ${(error as Error).message}`;
    throw new Error(message, { cause: error });
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `sql` on its own connection to `url` and returns the rows. */
export async function testQuery<R extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
