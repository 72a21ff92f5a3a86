import { describe, expect, it } from "vitest";
import pg from "pg";
import { pgTestDatabase } from "./pg-database.js";

describe("the loopback PostgreSQL cluster", () => {
  it("serves a fresh UTF-8 database on 127.0.0.1 with unaccent available", async () => {
    const url = await pgTestDatabase();
    expect(new URL(url).hostname).toBe("127.0.0.1");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("CREATE EXTENSION IF NOT EXISTS unaccent");
      const { rows } = await client.query<{ plain: string; encoding: string }>(
        "SELECT unaccent('Thực hiện Nghị quyết') AS plain, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
      );
      expect(rows[0]).toEqual({ plain: "Thuc hien Nghi quyet", encoding: "UTF8" });
    } finally {
      await client.end();
    }
  });

  it("gives each call its own database", async () => {
    const [a, b] = [await pgTestDatabase(), await pgTestDatabase()];
    expect(a).not.toBe(b);
  });
});
