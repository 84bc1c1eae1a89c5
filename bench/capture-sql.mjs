// Loaded into the app's server by scripts/bench.mjs (NODE_OPTIONS=--import): records the SQL a page runs,
// with its parameters, so the bench can run the same statements raw (EXPLAIN ANALYZE) and through the floor
// app (ADR 0020). Off until the bench sends SIGUSR2; the next SIGUSR2 writes what was recorded, as JSON, to
// BENCH_CAPTURE_FILE, each statement with the time the app waited for it. While off, the only cost is one
// boolean test per statement.
import fs from "node:fs";

const file = process.env.BENCH_CAPTURE_FILE;
let recording = false;
let statements = [];
// On PostgreSQL, also the time each request for a pool connection waited (the mixed scenario, issue 12 item 7).
let poolWaits = [];

function record(text, values, rowMode) {
  if (!recording || typeof text !== "string") return undefined;
  const statement = { text, values: Array.isArray(values) ? values.map(plain) : undefined, rowMode: rowMode === "array" ? "array" : undefined, ms: undefined };
  statements.push(statement);
  return statement;
}

/** The statement's time as the app sees it: from the call until its result arrives (on a side branch of the promise). */
function timed(statement, run) {
  const started = performance.now();
  const result = run();
  if (!statement || !result || typeof result.then !== "function") return result;
  const done = () => (statement.ms = performance.now() - started);
  result.then(done, done);
  return result;
}

/** Parameters as JSON can carry them (dates as ISO text, as pg sends them). */
function plain(value) {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString("hex")}`;
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

if (file) {
  process.on("SIGUSR2", () => {
    if (recording) {
      recording = false;
      fs.writeFileSync(`${file}.pool`, JSON.stringify(poolWaits));
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(statements));
      fs.renameSync(`${file}.tmp`, file);
    } else {
      statements = [];
      poolWaits = [];
      recording = true;
    }
  });
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const connect = pg.Pool.prototype.connect;
    pg.Pool.prototype.connect = function (callback) {
      if (!recording) return connect.call(this, callback);
      const started = performance.now();
      const done = () => poolWaits.push(performance.now() - started);
      if (typeof callback === "function")
        return connect.call(this, function (...args) {
          done();
          return callback.apply(this, args);
        });
      const result = connect.call(this);
      result.then(done, done);
      return result;
    };
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (config, values, callback) {
      if (!recording) return query.call(this, config, values, callback);
      let statement;
      if (typeof config === "string") statement = record(config, Array.isArray(values) ? values : undefined);
      else if (config && typeof config === "object" && typeof config.text === "string") statement = record(config.text, config.values ?? (Array.isArray(values) ? values : undefined), config.rowMode);
      // pg-pool (and so Drizzle) passes a callback: time until it is called.
      const started = performance.now();
      const wrap = (cb) =>
        function (...args) {
          if (statement) statement.ms = performance.now() - started;
          return cb.apply(this, args);
        };
      if (typeof callback === "function") return query.call(this, config, values, wrap(callback));
      if (typeof values === "function") return query.call(this, config, wrap(values));
      return timed(statement, () => query.call(this, config, values, callback));
    };
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const query = PGlite.prototype.query;
    PGlite.prototype.query = function (text, params, options) {
      if (!recording) return query.call(this, text, params, options);
      return timed(record(text, params, options?.rowMode), () => query.call(this, text, params, options));
    };
  }
}
