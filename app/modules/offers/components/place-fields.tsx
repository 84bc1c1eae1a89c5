import { Field, Fieldset, Input, Label } from "@digdir/designsystemet-react";
import { SelectField, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";

export type PlaceValues = {
  locationType?: string | null;
  name?: string | null;
  address1?: string | null;
  postalCode?: string | null;
  city?: string | null;
  kommunenummer?: string | null;
  transportation?: string | null;
  accessibility?: string | null;
  url?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  description?: string | null;
};

export const placeFieldLabels = (t: ReturnType<typeof useT>) => ({
  name: t("offers.place.name"),
  address1: t("offers.place.address"),
  postalCode: t("offers.place.postal_code"),
  city: t("offers.place.city"),
  kommune: t("offers.field.kommune"),
  url: t("offers.place.url"),
  latitude: t("offers.place.latitude"),
  longitude: t("offers.place.longitude"),
});

/** A place's fields, for adding and changing. What was typed wins over what is stored. */
export function PlaceFields({ place, errors, values, kommuner }: { place: PlaceValues; errors: Record<string, MessageKey>; values: Record<string, string>; kommuner: { value: string; label: string }[] }) {
  const t = useT();
  const typed = Object.keys(values).length > 0;
  const v = (key: string, current: string | number | null | undefined) => (typed ? values[key] : current === null || current === undefined ? undefined : String(current));
  const type = typed ? values.locationType : (place.locationType ?? "physical");
  return (
    <>
      <Fieldset>
        <Fieldset.Legend>{t("offers.place.type")}</Fieldset.Legend>
        {(["physical", "virtual"] as const).map((value) => (
          <Field key={value} position="start">
            <Input type="radio" id={`field-locationType-${value}`} name="locationType" value={value} defaultChecked={type === value} />
            <Label htmlFor={`field-locationType-${value}`}>{t(`offers.place.type_${value}`)}</Label>
          </Field>
        ))}
      </Fieldset>
      <TextField name="name" label={t("offers.place.name")} description={t("offers.place.name_help")} maxLength={200} error={errors.name} defaultValue={v("name", place.name)} />
      <SelectField name="kommune" label={t("offers.field.kommune")} placeholder={t("offers.place.choose_kommune")} options={kommuner} defaultValue={v("kommune", place.kommunenummer) ?? ""} error={errors.kommune} />
      <TextField name="address1" label={t("offers.place.address")} maxLength={200} autoComplete="off" error={errors.address1} defaultValue={v("address1", place.address1)} />
      <div className="kp-row">
        <TextField name="postalCode" label={t("offers.place.postal_code")} maxLength={4} autoComplete="off" error={errors.postalCode} defaultValue={v("postalCode", place.postalCode)} />
        <TextField name="city" label={t("offers.place.city")} maxLength={100} autoComplete="off" error={errors.city} defaultValue={v("city", place.city)} />
      </div>
      <TextField name="transportation" label={t("offers.place.transportation")} multiline maxLength={1000} error={errors.transportation} defaultValue={v("transportation", place.transportation)} />
      <TextField name="accessibility" label={t("offers.place.accessibility")} description={t("offers.place.accessibility_help")} multiline maxLength={1000} error={errors.accessibility} defaultValue={v("accessibility", place.accessibility)} />
      <TextField name="description" label={t("offers.place.description")} maxLength={500} error={errors.description} defaultValue={v("description", place.description)} />
      <TextField name="url" type="url" label={t("offers.place.url")} maxLength={300} error={errors.url} defaultValue={v("url", place.url)} />
      <Fieldset>
        <Fieldset.Legend>{t("offers.place.coordinates")}</Fieldset.Legend>
        <Fieldset.Description>{t("offers.place.coordinates_help")}</Fieldset.Description>
        <div className="kp-row">
          <TextField name="latitude" label={t("offers.place.latitude")} maxLength={20} error={errors.latitude} defaultValue={v("latitude", place.latitude)} />
          <TextField name="longitude" label={t("offers.place.longitude")} maxLength={20} error={errors.longitude} defaultValue={v("longitude", place.longitude)} />
        </div>
      </Fieldset>
    </>
  );
}
