import type { OpenOptions, SignatureStore } from "./store.js";

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** `postgres://…` opens a PostgreSQL server; anything else is a SQLite file path. */
export async function openStore(url: string, options: OpenOptions = {}): Promise<SignatureStore> {
  if (POSTGRES_URL.test(url)) {
    const { openPostgresStore } = await import("./postgres-store.js");
    return openPostgresStore(url, options);
  }
  const { openSqliteStore } = await import("./sqlite-store.js");
  return openSqliteStore(url.replace(/^sqlite:(\/\/)?/i, ""), options);
}
