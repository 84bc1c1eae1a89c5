import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Button, Heading } from "@digdir/designsystemet-react";
import type { Route } from "./+types/edit-place";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { getOfferParts, updatePlace } from "../parts.server";
import { placeSchema } from "../parts.forms";
import { kommuneLabel, kommuner } from "~/modules/centres/kommuner";
import { CsrfField, FormErrorSummary, useFormState } from "~/components/form";
import { PlaceFields, placeFieldLabels } from "../components/place-fields";
import { PartsNav } from "../components/parts-nav";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.place.edit");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId) || !uuidPattern.test(params.placeId)) notFound();
  const parts = await guard(() => getOfferParts(getServices().db, user.actor, params.offerId));
  const place = parts.places.find((p) => p.id === params.placeId);
  if (!place) notFound();
  return { offer: parts.offer, place, kommuner: kommuner.map((k) => ({ value: k.kommunenummer, label: kommuneLabel(k) })) };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId) || !uuidPattern.test(params.placeId)) notFound();
  const parsed = parseForm(placeSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed);
  await guard(() => updatePlace(getServices().db, user.actor, params.offerId, params.placeId, parsed.data));
  return redirect(`/tilbud/${params.offerId}/steder?lagret=1`);
}

export default function EditPlace() {
  const t = useT();
  const { offer, place, kommuner } = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.place.edit")}
      </Heading>
      <PartsNav offerId={offer.id} name={offer.name} current="places" />
      <FormErrorSummary errors={errors} labels={placeFieldLabels(t)} />
      <Form method="post" className="kp-stack kp-narrow" noValidate>
        <CsrfField />
        <PlaceFields place={place} errors={errors} values={values} kommuner={kommuner} />
        <Button type="submit">{t("form.save")}</Button>
      </Form>
    </div>
  );
}
