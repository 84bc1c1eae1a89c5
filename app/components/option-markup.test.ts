import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtml, OptionMarkup, type OptionItem } from "./option-markup";

// OptionMarkup must write exactly what React writes for the same options (ADR 0023): the search page's HTML is
// compared byte for byte with React's, so any drift would show there too; this pins it without a browser.
function reactSelect(items: OptionItem[], value: string | undefined) {
  const option = (o: { value: string; label: string }) => h("option", { key: o.value, value: o.value }, o.label);
  const children = items.map((item) => ("group" in item ? h("optgroup", { key: item.group, label: item.group }, item.options.map(option)) : option(item)));
  return renderToString(h("select", { name: "x", value, onChange: () => {} }, children));
}
const markupSelect = (items: OptionItem[], value: string | undefined) => renderToString(h("select", { name: "x", dangerouslySetInnerHTML: { __html: new OptionMarkup(items).render(value) } }));

const items: OptionItem[] = [
  { value: "", label: "Alle" },
  { value: "03", label: "Oslo" },
  { group: "Trøndelag & <Nord> \"'", options: [{ value: "5001", label: "Trondheim" }, { value: "5043", label: "Raarvihke – Røyrvik" }] },
  { value: "a\"b&'<>", label: "<b>&amp;</b> 'x' \"y\"" },
];

describe("OptionMarkup", () => {
  it.each([undefined, "", "03", "5043", "a\"b&'<>", "99"])("writes React's markup with %j selected", (value) => {
    expect(markupSelect(items, value)).toBe(reactSelect(items, value));
  });

  it("marks every option with the value, as React does", () => {
    const twice: OptionItem[] = [{ value: "1", label: "a" }, { group: "g", options: [{ value: "1", label: "b" }] }];
    expect(markupSelect(twice, "1")).toBe(reactSelect(twice, "1"));
    expect(new OptionMarkup(twice).render("1").match(/selected=""/g)).toHaveLength(2);
  });

  it("escapes as React escapes text", () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&#x27;f");
    expect(escapeHtml("Ørland")).toBe("Ørland");
  });
});
