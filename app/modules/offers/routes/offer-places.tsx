import { Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/offer-places";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { addPlace, getOfferParts, removePlace } from "../parts.server";
import { placeSchema } from "../parts.forms";
import { kommuneLabel, kommuner } from "~/modules/centres/kommuner";
import { CsrfField, FormErrorSummary, useFormState } from "~/components/form";
import { PlaceFields, placeFieldLabels } from "../components/place-fields";
import { PartsNav } from "../components/parts-nav";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.place.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const parts = await guard(() => getOfferParts(getServices().db, user.actor, params.offerId));
  return {
    offer: parts.offer,
    places: parts.places,
    kommuner: kommuner.map((k) => ({ value: k.kommunenummer, label: kommuneLabel(k) })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const { db } = getServices();
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    const placeId = String(formData.get("placeId") ?? "");
    if (!uuidPattern.test(placeId)) notFound();
    await guard(() => removePlace(db, user.actor, params.offerId, placeId));
    return redirect(`/tilbud/${params.offerId}/steder?fjernet=1`);
  }
  const parsed = parseForm(placeSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  await guard(() => addPlace(db, user.actor, params.offerId, parsed.data));
  return redirect(`/tilbud/${params.offerId}/steder?lagt-til=1`);
}

/** The places of an offer: each with its address, and a form to add another. */
export default function OfferPlaces() {
  const t = useT();
  const { offer, places, kommuner } = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  const [params] = useSearchParams();
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.place.title")}
      </Heading>
      <PartsNav offerId={offer.id} name={offer.name} current="places" />
      {params.get("lagt-til") || params.get("lagret") || params.get("fjernet") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t(params.get("fjernet") ? "offers.parts.removed" : "offers.parts.saved")}</Paragraph>
        </Alert>
      ) : null}
      {/* At the top: the page opens at it (autofocus), each item links to its field in the form below. */}
      <FormErrorSummary errors={errors} labels={placeFieldLabels(t)} />
      {places.length === 0 ? <Paragraph>{t("offers.no_place")}</Paragraph> : null}
      <ul className="kp-plain-list kp-stack" data-testid="places">
        {places.map((p) => (
          <li key={p.id} className="kp-place">
            <Paragraph>
              <strong lang="nb">{p.name ?? p.kommune ?? t("offers.place.type_virtual")}</strong>
              {p.kommune && p.name ? `, ${p.kommune}` : null}
            </Paragraph>
            {p.address1 ? (
              <Paragraph data-size="sm">
                {p.address1}, {p.postalCode} {p.city}
              </Paragraph>
            ) : null}
            <div className="kp-actions">
              <AppLink to={`/tilbud/${offer.id}/steder/${p.id}`}>
                {t("offers.parts.change")}
                <span className="ds-sr-only"> {p.name ?? p.kommune}</span>
              </AppLink>
              <Form method="post" className="kp-inline-form">
                <CsrfField />
                <input type="hidden" name="placeId" value={p.id} />
                <Button type="submit" name="intent" value="remove" variant="tertiary" data-size="sm" data-color="danger">
                  {t("offers.parts.remove")}
                  <span className="ds-sr-only"> {p.name ?? p.kommune}</span>
                </Button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
      <Heading level={2} data-size="md" id="add-place">
        {t("offers.place.add")}
      </Heading>
      <Form method="post" className="kp-stack kp-narrow" noValidate aria-labelledby="add-place">
        <CsrfField />
        <PlaceFields place={{}} errors={errors} values={values} kommuner={kommuner} />
        <Button type="submit">{t("offers.place.add")}</Button>
      </Form>
    </div>
  );
}
