import { Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/edit-offer";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { archiveOffer, getOfferForEdit, updateOffer } from "../manage.server";
import { offerSchema } from "../offers.forms";
import { CsrfField, FormErrorSummary, useFormState } from "~/components/form";
import { OfferFields, offerFieldLabels } from "../components/offer-fields";
import { PartsNav } from "../components/parts-nav";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { AppLink } from "~/components/app-link";

export const meta: Route.MetaFunction = (args) => title(args, "offers.edit.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const offer = await guard(() => getOfferForEdit(getServices().db, user.actor, params.offerId));
  return { offer: { ...offer, updatedAt: undefined } };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const { db } = getServices();
  const formData = await request.formData();
  if (formData.get("intent") === "archive") {
    await guard(() => archiveOffer(db, user.actor, params.offerId));
    // To the offer itself, which its editors still see, marked as archived, with "Restore".
    return redirect(`/tilbud/${params.offerId}?arkivert=1`);
  }
  const parsed = parseForm(offerSchema, formData, ["targetGroups"]);
  if (!parsed.ok) return invalid({ ...parsed, values: { ...parsed.values, targetGroups: formData.getAll("targetGroups").join(",") } });
  const result = await guard(() => updateOffer(db, user.actor, params.offerId, parsed.data));
  if (!result.ok) {
    const kept = formError("error.changed_meanwhile", formData);
    return invalid({ ...kept, values: { ...kept.values, targetGroups: formData.getAll("targetGroups").join(",") } }, 409);
  }
  return redirect(`/tilbud/${params.offerId}?lagret=1`);
}

/**
 * Archiving asks first: "Archive…" opens this page as ?arkiver=1 (a link, so it works without JavaScript), which
 * says what happens and holds the one button that archives, in the first screen.
 */
function ConfirmArchive({ id, name }: { id: string; name: string }) {
  const t = useT();
  return (
    <div className="kp-stack kp-narrow kp-wrap">
      <Heading level={1} data-size="lg" id="archive-confirm-heading">
        {t("offers.edit.archive_confirm_title", { name })}
      </Heading>
      <Paragraph>{t("offers.edit.archive_confirm_body")}</Paragraph>
      <Form method="post" action={`/tilbud/${id}/rediger`} className="kp-actions" aria-labelledby="archive-confirm-heading">
        <CsrfField />
        <Button type="submit" name="intent" value="archive" data-color="danger">
          {t("offers.edit.archive_confirm")}
        </Button>
        <AppLink to={`/tilbud/${id}/rediger`}>{t("offers.edit.archive_cancel")}</AppLink>
      </Form>
    </div>
  );
}

export default function EditOffer() {
  const t = useT();
  const { offer } = useLoaderData<typeof loader>();
  const { errors, values, formError } = useFormState(useActionData<typeof action>());
  const [params] = useSearchParams();
  const typed = Object.keys(values).length > 0;
  if (params.get("arkiver") === "1") return <ConfirmArchive id={offer.id} name={offer.name} />;
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.edit.title")}
      </Heading>
      <PartsNav offerId={offer.id} name={offer.name} current="text" />
      {formError ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{t(formError)}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary
        errors={errors}
        labels={offerFieldLabels(t)}
      />
      <Form method="post" className="kp-stack kp-narrow" noValidate>
        <CsrfField />
        <input type="hidden" name="version" value={typed ? values.version : offer.version} />
        <OfferFields offer={offer} errors={errors} values={values} />
        <Button type="submit">{t("form.save")}</Button>
      </Form>
      <section className="kp-stack kp-narrow" aria-labelledby="archive-heading">
        <Heading level={2} data-size="sm" id="archive-heading">
          {t("offers.edit.archive_title")}
        </Heading>
        <Paragraph>{t("offers.edit.archive_body")}</Paragraph>
        <div>
          <Button asChild variant="secondary" data-color="danger">
            <Link to={`/tilbud/${offer.id}/rediger?arkiver=1`}>{t("offers.edit.archive")}</Link>
          </Button>
        </div>
      </section>
    </div>
  );
}
