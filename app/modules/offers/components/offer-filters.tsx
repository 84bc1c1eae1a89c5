import { useEffect, useState } from "react";
import { Field, Input, Label, Select, ValidationMessage } from "@digdir/designsystemet-react";
import { SelectField, TextField } from "~/components/form";
import { OptionMarkup, type OptionItem } from "~/components/option-markup";
import { useServerOnlyPage } from "~/components/app-link";
import { useT, type T } from "~/i18n/use-t";
import type { Lang, MessageKey } from "~/i18n/i18n";
import { findKommune, fylker, kommuneLabel, kommuner } from "~/modules/centres/kommuner";
import { offerKinds, targetGroups } from "../offers";

// The place lists are static reference data, built once per process (and once in the browser), never
// sent as loader data: the page's HTML carries them, the hydration data does not.
const fylkeList = fylker.map((f) => ({ value: f.fylkesnummer, label: f.navn })).sort((a, b) => a.label.localeCompare(b.label, "nb"));
/** Each fylke's kommuner by name. Within a fylke the name alone is enough ("Herøy (Nordland)" is SSB's own name). */
const kommunerByFylke = new Map(fylker.map((f) => [f.fylkesnummer, kommuner.filter((k) => k.fylkesnummer === f.fylkesnummer).map((k) => ({ value: k.kommunenummer, label: k.navn }))]));

/**
 * The two lists as HTML for a page that never hydrates (ADR 0023), built once per language (and chosen fylke)
 * instead of ≈ 20–400 option elements per page. Keys come from the fylke list, so the cache stays small.
 */
const markups = new Map<string, OptionMarkup>();
function markup(key: string, build: () => OptionItem[]): OptionMarkup {
  let built = markups.get(key);
  if (!built) markups.set(key, (built = new OptionMarkup(build())));
  return built;
}
const fylkeMarkup = (lang: Lang, all: string) => markup(`fylke:${lang}`, () => [{ value: "", label: all }, ...fylkeList]);
/** The kommune list after its "all" option and the one outside the chosen fylke: that fylke's, or all by fylke. */
const kommuneMarkup = (fylke: string | undefined) =>
  fylke && kommunerByFylke.has(fylke)
    ? markup(`kommune:${fylke}`, () => kommunerByFylke.get(fylke)!)
    : markup("kommune:", () => fylkeList.map((f) => ({ group: f.label, options: kommunerByFylke.get(f.value)! })));

/** The kind and target group options in a language, made once: SelectField keeps its markup for a kept list. */
const optionLists = new Map<string, { value: string; label: string }[]>();
function optionList(key: string, build: () => { value: string; label: string }[]) {
  let list = optionLists.get(key);
  if (!list) optionLists.set(key, (list = build()));
  return list;
}
const kindOptions = (t: T) => optionList(`kind:${t.lang}`, () => offerKinds.map((k) => ({ value: k, label: t(`offers.kind.${k}`) })));
const targetOptions = (t: T) => optionList(`target:${t.lang}`, () => targetGroups.map((g) => ({ value: g, label: t(`offers.target.${g}`) })));

/** The labels of the search fields, for the error summary. */
export function useFilterLabels(): Record<string, string> {
  const t = useT();
  return { q: t("offers.field.q"), fylke: t("offers.field.fylke"), kommune: t("offers.field.kommune"), type: t("offers.field.type"), malgruppe: t("offers.field.target") };
}

/**
 * Fylke and kommune. Without a fylke the kommuner are grouped by fylke (an optgroup each); once a fylke is chosen
 * only its kommuner are listed: with JavaScript at once, without it after "Søk" (a GET form). A kommune in the
 * URL outside the chosen fylke stays listed, named with its fylke, so the form shows what the URL says.
 */
function PlaceFields({ values, errors }: { values: Record<string, string>; errors: Record<string, MessageKey> }) {
  const t = useT();
  const serverOnly = useServerOnlyPage();
  const [fylke, setFylke] = useState(values.fylke ?? "");
  const [kommune, setKommune] = useState(values.kommune ?? "");
  // A new search (another URL) sets both again.
  useEffect(() => {
    setFylke(values.fylke ?? "");
    setKommune(values.kommune ?? "");
  }, [values.fylke, values.kommune]);
  const inFylke = fylke ? kommunerByFylke.get(fylke) : undefined;
  const chosen = kommune ? findKommune(kommune) : undefined;
  const outside = inFylke && chosen && !inFylke.some((o) => o.value === chosen.kommunenummer) ? chosen : undefined;
  const select = (name: "fylke" | "kommune") => {
    const id = `field-${name}`;
    const error = errors[name];
    return { id, name, "aria-describedby": error ? `${id}-error` : undefined, "aria-invalid": error ? true : undefined } as const;
  };
  if (serverOnly) {
    // The same HTML as below, the options from markup built once (ADR 0023); the choice is the URL's.
    const kommuneOptions =
      new OptionMarkup([{ value: "", label: t("offers.all") }, ...(outside ? [{ value: outside.kommunenummer, label: kommuneLabel(outside) }] : [])]).render(kommune) +
      kommuneMarkup(inFylke ? fylke : undefined).render(kommune);
    return (
      <>
        <Field>
          <Label htmlFor="field-fylke">{t("offers.field.fylke")}</Label>
          <Select {...select("fylke")} dangerouslySetInnerHTML={{ __html: fylkeMarkup(t.lang, t("offers.all")).render(fylke) }} />
          {errors.fylke ? <ValidationMessage id="field-fylke-error">{t(errors.fylke)}</ValidationMessage> : null}
        </Field>
        <Field>
          <Label htmlFor="field-kommune">{t("offers.field.kommune")}</Label>
          <Select {...select("kommune")} data-testid="kommune-select" dangerouslySetInnerHTML={{ __html: kommuneOptions }} />
          {errors.kommune ? <ValidationMessage id="field-kommune-error">{t(errors.kommune)}</ValidationMessage> : null}
        </Field>
      </>
    );
  }
  return (
    <>
      <Field>
        <Label htmlFor="field-fylke">{t("offers.field.fylke")}</Label>
        <Select
          {...select("fylke")}
          value={fylke}
          onChange={(event) => {
            const next = event.target.value;
            setFylke(next);
            // A kommune in another fylke would find nothing together with it: let it go.
            if (next && chosen && chosen.fylkesnummer !== next) setKommune("");
          }}
        >
          <Select.Option value="">{t("offers.all")}</Select.Option>
          {fylkeList.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.label}
            </Select.Option>
          ))}
        </Select>
        {errors.fylke ? <ValidationMessage id="field-fylke-error">{t(errors.fylke)}</ValidationMessage> : null}
      </Field>
      <Field>
        <Label htmlFor="field-kommune">{t("offers.field.kommune")}</Label>
        <Select {...select("kommune")} value={kommune} onChange={(event) => setKommune(event.target.value)} data-testid="kommune-select">
          <Select.Option value="">{t("offers.all")}</Select.Option>
          {outside ? <Select.Option value={outside.kommunenummer}>{kommuneLabel(outside)}</Select.Option> : null}
          {inFylke
            ? inFylke.map((o) => (
                <Select.Option key={o.value} value={o.value}>
                  {o.label}
                </Select.Option>
              ))
            : fylkeList.map((f) => (
                <optgroup key={f.value} label={f.label}>
                  {kommunerByFylke.get(f.value)!.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
        </Select>
        {errors.kommune ? <ValidationMessage id="field-kommune-error">{t(errors.kommune)}</ValidationMessage> : null}
      </Field>
    </>
  );
}

/**
 * The fields of the offer search (`searchSchema`): search words, fylke, kommune, kind, target group,
 * no referral and free. Put them inside a GET form; the values come from the URL.
 */
export function OfferFilterFields({ values, errors }: { values: Record<string, string>; errors: Record<string, MessageKey> }) {
  const t = useT();
  return (
    <>
      <TextField name="q" label={t("offers.field.q")} description={t("offers.field.q_help")} markOptional={false} defaultValue={values.q} error={errors.q} maxLength={200} />
      <PlaceFields values={values} errors={errors} />
      <SelectField name="type" label={t("offers.field.type")} placeholder={t("offers.all")} options={kindOptions(t)} defaultValue={values.type} error={errors.type} />
      <SelectField name="malgruppe" label={t("offers.field.target")} placeholder={t("offers.everyone")} options={targetOptions(t)} defaultValue={values.malgruppe} error={errors.malgruppe} />
      <Field position="start">
        <Input type="checkbox" id="field-ingen_henvisning" name="ingen_henvisning" value="1" defaultChecked={values.ingen_henvisning === "1"} />
        <Label htmlFor="field-ingen_henvisning">{t("offers.field.no_referral")}</Label>
      </Field>
      <Field position="start">
        <Input type="checkbox" id="field-gratis" name="gratis" value="1" defaultChecked={values.gratis === "1"} />
        <Label htmlFor="field-gratis">{t("offers.field.free")}</Label>
      </Field>
    </>
  );
}
