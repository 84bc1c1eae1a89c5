/**
 * Test-only setup for the map view (/tilbud/kart), used by global-setup.ts:
 * - a tiny XYZ tile server on its own port (another origin than the app, so the CSP's img-src is really tested),
 *   answering every tile with one plain PNG, and 404 for anything else;
 * - coordinates for a few demo locations, written into the throwaway database before the app starts
 *   (with the demo data, including the demo participant's encrypted toolkit).
 *   The demo seed has no coordinates, and the real seed data must not get invented ones: these exist only here.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import zlib from "node:zlib";
import { inArray } from "drizzle-orm";
import { migrateDb, openPglite } from "../../app/db/client.server";
import { loadDemoData } from "../../app/modules/platform/demo.server";
import { locations } from "../../app/modules/offers/offers.schema";
import { loadDemoToolkit } from "../../app/modules/toolkit/demo.server";
import { loadDemoEvaluations } from "../../app/modules/evaluations/demo.server";

/** Approximate town centres for three of "Krafttak for sang"'s places, for the browser tests only. */
export const mapTestPlaces = [
  { id: "17663dd4-34ab-58dc-9600-891707ec7fd5", name: "Steinkjer", latitude: 64.0149, longitude: 11.4954 },
  { id: "0738b18f-e8c5-5b89-80e6-4c55c06cd0a1", name: "Namsos", latitude: 64.4662, longitude: 11.4957 },
  { id: "0e10f8e7-f9b6-5b7b-b3c2-b5c08f5722aa", name: "Bergen", latitude: 60.3913, longitude: 5.3221 },
] as const;

/** Load the demo data into `dataDir` and give the test places coordinates; the app then finds a loaded database. */
export async function seedMapPlaces(dataDir: string) {
  const handle = await openPglite(dataDir);
  try {
    await migrateDb(handle);
    await loadDemoData(handle.db);
    // The demo toolkit is encrypted: use the master key the server will find in DATA_DIR.
    const master = randomBytes(32);
    fs.writeFileSync(path.join(dataDir, "master-key"), master.toString("base64"), { mode: 0o600 });
    await loadDemoToolkit({ db: handle.db, masters: [master] });
    await loadDemoEvaluations(handle.db);
    for (const place of mapTestPlaces) {
      await handle.db.update(locations).set({ latitude: place.latitude, longitude: place.longitude }).where(inArray(locations.id, [place.id]));
    }
  } finally {
    await handle.close();
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer: Buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, body: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 256 × 256 tile: a pale background with a faint line on two edges, so the tile grid shows. */
function tilePng(): Buffer {
  const size = 256;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const edge = x === size - 1 || y === size - 1;
      row.set(edge ? [0xd3, 0xdb, 0xd0] : [0xee, 0xf2, 0xec], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** Start the tile server; `template` is the MAP_TILES_URL to give the app. */
export async function startTileServer(): Promise<{ template: string; origin: string; close: () => Promise<void> }> {
  const png = tilePng();
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? "")) {
      res.writeHead(200, { "Content-Type": "image/png", "Content-Length": png.length, "Cache-Control": "max-age=3600" });
      res.end(png);
      return;
    }
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("Not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref(); // never keeps the test run alive
  const { port } = server.address() as net.AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    template: `${origin}/tiles/{z}/{x}/{y}.png`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
