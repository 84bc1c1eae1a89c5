import { describe, expect, it } from "vitest";
import { parseConfig } from "~/lib/config";
import { requireMapConfig } from "./map.server";

/** What a loader throws, as React Router sees it. */
function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("the map page's switch", () => {
  it("answers 404 when MAP_TILES_URL is not set: the feature is off", () => {
    const error = thrown(() => requireMapConfig(parseConfig({})));
    // `data(..., { status: 404 })` thrown from a loader: the root error boundary shows the friendly 404 page.
    expect(error).toMatchObject({ type: "DataWithResponseInit", init: { status: 404 }, data: { reason: "not_found" } });
  });

  it("gives the tile template and the credit when it is set", () => {
    const config = parseConfig({ MAP_TILES_URL: "https://tiles.example.no/{z}/{x}/{y}.png", MAP_ATTRIBUTION: "© Eksempel" });
    expect(requireMapConfig(config)).toEqual({ tilesUrl: "https://tiles.example.no/{z}/{x}/{y}.png", tilesOrigin: "https://tiles.example.no", attribution: "© Eksempel" });
  });
});
