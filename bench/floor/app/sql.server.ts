import fs from "node:fs";
import pg from "pg";

type Captured = { text: string; values?: unknown[]; rowMode?: "array" };

let pool: pg.Pool | undefined;
let sets: Record<string, Captured[]> | undefined;

/**
 * Runs a captured statement set (BENCH_FLOOR_SQL, a JSON file written by scripts/bench.mjs) on one pooled
 * connection to BENCH_FLOOR_DATABASE_URL, in order, with the same parameters and row mode as the app, and
 * returns the number of rows. Its connections are named kp-bench-floor, so the bench can read their CPU.
 */
export async function runCapturedSql(name: string): Promise<number> {
  sets ??= JSON.parse(fs.readFileSync(process.env.BENCH_FLOOR_SQL ?? "", "utf8")) as Record<string, Captured[]>;
  const statements = sets[name];
  if (!statements) throw new Response("No such statement set", { status: 404 });
  pool ??= new pg.Pool({ connectionString: process.env.BENCH_FLOOR_DATABASE_URL, max: 10, application_name: "kp-bench-floor" });
  const client = await pool.connect();
  try {
    let rows = 0;
    for (const s of statements) {
      const result = s.rowMode === "array" ? await client.query({ text: s.text, values: s.values, rowMode: "array" }) : await client.query({ text: s.text, values: s.values });
      rows += result.rowCount ?? 0;
    }
    return rows;
  } finally {
    client.release();
  }
}
