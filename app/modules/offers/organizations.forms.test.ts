import { describe, expect, it } from "vitest";
import { newOrganizationSchema, organizationSchema } from "./organizations.forms";
import { parseForm } from "~/lib/forms";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};
const kbt = "6f1c1f1e-8d3a-4c55-9a55-3b0f5f7a2c11";

describe("the organisation forms", () => {
  it("accepts a full organisation, trimming text, spacing out of the organisasjonsnummer and a lower-case e-mail", () => {
    const result = parseForm(
      newOrganizationSchema,
      form({ centreId: kbt, name: "  Recoverykollektivet ", alternateName: "", description: " Om oss ", website: "https://rk.example.org", email: "Post@RK.example.org", organisasjonsnummer: " 974 760 673 ", phone: "+47 73 00 00 00" }),
    );
    expect(result).toEqual({
      ok: true,
      data: { centreId: kbt, name: "Recoverykollektivet", alternateName: null, description: "Om oss", website: "https://rk.example.org", email: "post@rk.example.org", organisasjonsnummer: "974760673", phone: "+47 73 00 00 00" },
    });
  });

  it("needs only a name; empty fields are stored as not given", () => {
    const result = parseForm(organizationSchema, form({ name: "Navn", organisasjonsnummer: "", phone: " ", website: "", email: "", version: "2026-01-01T00:00:00.000Z" }));
    expect(result).toEqual({ ok: true, data: { name: "Navn", alternateName: null, description: "", website: null, email: null, organisasjonsnummer: null, phone: null, version: "2026-01-01T00:00:00.000Z" } });
  });

  it("answers bad input with i18n keys per field, and keeps what was typed", () => {
    const result = parseForm(newOrganizationSchema, form({ centreId: "", name: " ", website: "rk.example.org", email: "ikke-epost", organisasjonsnummer: "974 760 674", phone: "ring oss" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      centreId: "offers.org.error_centre",
      name: "error.required",
      website: "error.url",
      email: "error.email",
      organisasjonsnummer: "offers.org.error_orgnr_check",
      phone: "error.phone",
    });
    expect(result.values).toMatchObject({ name: " ", organisasjonsnummer: "974 760 674", phone: "ring oss" });
  });

  it("tells a number of the wrong length from one with a wrong check digit", () => {
    const orgnr = (organisasjonsnummer: string) => {
      const result = parseForm(organizationSchema, form({ name: "N", organisasjonsnummer, version: "v" }));
      return result.ok ? "ok" : result.errors.organisasjonsnummer;
    };
    expect(orgnr("97476067")).toBe("offers.org.error_orgnr");
    expect(orgnr("97476067X")).toBe("offers.org.error_orgnr");
    expect(orgnr("NO 974 760 673 MVA")).toBe("offers.org.error_orgnr");
    expect(orgnr("974760674")).toBe("offers.org.error_orgnr_check");
    expect(orgnr("974760673")).toBe("ok");
  });

  it("takes the network's own as a centre of null, and refuses anything but a centre id", () => {
    const centre = (centreId: string | undefined) => {
      const result = parseForm(newOrganizationSchema, form({ name: "N", ...(centreId === undefined ? {} : { centreId }) }));
      return result.ok ? result.data.centreId : result.errors.centreId;
    };
    expect(centre("network")).toBeNull();
    expect(centre(kbt)).toBe(kbt);
    expect(centre(undefined)).toBe("offers.org.error_centre");
    expect(centre("KBT")).toBe("offers.org.error_centre");
  });

  it("wants the version the edit form was opened on, and phone numbers with digits", () => {
    const noVersion = parseForm(organizationSchema, form({ name: "N" }));
    expect(noVersion.ok ? undefined : noVersion.errors.version).toBe("error.invalid");
    for (const phone of ["()-", "12", "73 00 00 00 00 00 00 00 00 00 00 00"]) {
      const result = parseForm(organizationSchema, form({ name: "N", phone, version: "v" }));
      expect(result.ok ? "ok" : result.errors.phone, phone).toBe("error.phone");
    }
  });
});
