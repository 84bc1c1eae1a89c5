/**
 * `<option>` lists as HTML, for `<select dangerouslySetInnerHTML>` on pages that never hydrate (ADR 0023): the
 * same markup React's server renderer writes for `<option value>` children of a `<select value>` (and
 * `<optgroup label>`), `selected=""` on every option whose value is the select's, text and attributes escaped as
 * React escapes them. A list built once (per language) and kept costs a string copy per page instead of an element
 * per option. Never use it on a page that hydrates: React in the browser would not know the options.
 */
export type Option = { value: string; label: string };
export type OptionItem = Option | { group: string; options: readonly Option[] };

const escapes: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };
/** React's escapeTextForBrowser (react-dom/server), used for text and attribute values alike. */
export function escapeHtml(text: string): string {
  return /["&'<>]/.test(text) ? text.replace(/["&'<>]/g, (c) => escapes[c]!) : text;
}

export class OptionMarkup {
  /** The list with nothing selected. */
  readonly html: string;
  /** Where ` selected=""` goes for each value (after its `value` attribute), in order. */
  private readonly at = new Map<string, number[]>();

  constructor(items: readonly OptionItem[]) {
    let html = "";
    const option = (o: Option) => {
      html += `<option value="${escapeHtml(o.value)}"`;
      const offsets = this.at.get(o.value);
      if (offsets) offsets.push(html.length);
      else this.at.set(o.value, [html.length]);
      html += `>${escapeHtml(o.label)}</option>`;
    };
    for (const item of items) {
      if ("group" in item) {
        html += `<optgroup label="${escapeHtml(item.group)}">`;
        item.options.forEach(option);
        html += "</optgroup>";
      } else option(item);
    }
    this.html = html;
  }

  /** The markup with the options of this value selected, as React marks them for `<select value={selected}>`. */
  render(selected: string | undefined): string {
    const offsets = selected === undefined ? undefined : this.at.get(selected);
    if (!offsets) return this.html;
    let out = "";
    let from = 0;
    for (const offset of offsets) {
      out += `${this.html.slice(from, offset)} selected=""`;
      from = offset;
    }
    return out + this.html.slice(from);
  }
}
