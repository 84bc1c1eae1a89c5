import { Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/offer-contact";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { addContact, addPhone, getOfferParts, removeContact, removePhone } from "../parts.server";
import { contactSchema, phoneSchema } from "../parts.forms";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { PartsNav } from "../components/parts-nav";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.contact.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const parts = await guard(() => getOfferParts(getServices().db, user.actor, params.offerId));
  return { offer: parts.offer, phones: parts.phones, contacts: parts.contacts };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const { db } = getServices();
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const id = String(formData.get("id") ?? "");
  const done = (flag: string) => redirect(`/tilbud/${params.offerId}/kontakt?${flag}=1`);
  if (intent === "remove-phone" || intent === "remove-contact") {
    if (!uuidPattern.test(id)) notFound();
    await guard(() => (intent === "remove-phone" ? removePhone(db, user.actor, params.offerId, id) : removeContact(db, user.actor, params.offerId, id)));
    return done("fjernet");
  }
  if (intent === "add-phone") {
    const parsed = parseForm(phoneSchema, formData);
    if (!parsed.ok) return invalid(parsed);
    await guard(() => addPhone(db, user.actor, params.offerId, parsed.data));
    return done("lagt-til");
  }
  const parsed = parseForm(contactSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  await guard(() => addContact(db, user.actor, params.offerId, parsed.data));
  return done("lagt-til");
}

/** Phones and contact points of the offer (roles, not private persons). */
export default function OfferContact() {
  const t = useT();
  const { offer, phones, contacts } = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  const [params] = useSearchParams();
  const phoneForm = values.intent === "add-phone";
  const contactForm = values.intent === "add-contact";
  const remove = (intent: string, id: string, label: string) => (
    <Form method="post" className="kp-inline-form">
      <CsrfField />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" name="intent" value={intent} variant="tertiary" data-size="sm" data-color="danger">
        {t("offers.parts.remove")}
        <span className="ds-sr-only"> {label}</span>
      </Button>
    </Form>
  );
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.contact.title")}
      </Heading>
      <PartsNav offerId={offer.id} name={offer.name} current="contact" />
      {params.get("lagt-til") || params.get("fjernet") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t(params.get("fjernet") ? "offers.parts.removed" : "offers.parts.saved")}</Paragraph>
        </Alert>
      ) : null}
      {/* At the top, whichever form came back with errors: the page opens at it (autofocus), each item links to its field. */}
      <FormErrorSummary errors={phoneForm ? errors : {}} labels={{ number: t("offers.contact.number"), description: t("offers.contact.phone_note") }} />
      <FormErrorSummary idPrefix="contact" errors={contactForm ? errors : {}} labels={{ title: t("offers.contact.role"), email: t("field.email"), phone: t("offers.contact.number") }} />

      <Heading level={2} data-size="md" id="phones-heading">
        {t("offers.contact.phones")}
      </Heading>
      {phones.length === 0 ? <Paragraph>{t("offers.contact.no_phones")}</Paragraph> : null}
      <ul className="kp-plain-list kp-stack" data-testid="phones">
        {phones.map((p) => (
          <li key={p.id} className="kp-place">
            <Paragraph>
              {p.number}
              {p.type === "text" ? ` (${t("offers.detail.sms")})` : null}
              {p.description ? ` – ${p.description}` : null}
            </Paragraph>
            {remove("remove-phone", p.id, p.number)}
          </li>
        ))}
      </ul>
      <Form method="post" className="kp-stack kp-narrow" noValidate aria-labelledby="phones-heading">
        <CsrfField />
        <input type="hidden" name="intent" value="add-phone" />
        <TextField name="number" type="tel" label={t("offers.contact.number")} required maxLength={30} autoComplete="off" error={phoneForm ? errors.number : undefined} defaultValue={phoneForm ? values.number : undefined} />
        <Fieldset>
          <Fieldset.Legend>{t("offers.contact.phone_type")}</Fieldset.Legend>
          {(["voice", "text"] as const).map((type) => (
            <Field key={type} position="start">
              <Input type="radio" id={`field-type-${type}`} name="type" value={type} defaultChecked={(phoneForm ? values.type : "voice") === type} />
              <Label htmlFor={`field-type-${type}`}>{t(`offers.contact.type_${type}`)}</Label>
            </Field>
          ))}
        </Fieldset>
        <TextField name="description" label={t("offers.contact.phone_note")} maxLength={200} error={phoneForm ? errors.description : undefined} defaultValue={phoneForm ? values.description : undefined} />
        <Button type="submit">{t("offers.contact.add_phone")}</Button>
      </Form>

      <Heading level={2} data-size="md" id="contacts-heading">
        {t("offers.contact.contacts")}
      </Heading>
      <Paragraph data-size="sm">{t("offers.contact.privacy")}</Paragraph>
      {contacts.length === 0 ? <Paragraph>{t("offers.contact.no_contacts")}</Paragraph> : null}
      <ul className="kp-plain-list kp-stack" data-testid="contacts">
        {contacts.map((c) => (
          <li key={c.id} className="kp-place">
            <Paragraph>{[c.name, c.title, c.email, c.phone].filter(Boolean).join(", ")}</Paragraph>
            {remove("remove-contact", c.id, c.title ?? c.name ?? "")}
          </li>
        ))}
      </ul>
      <Form method="post" className="kp-stack kp-narrow" noValidate aria-labelledby="contacts-heading">
        <CsrfField />
        <input type="hidden" name="intent" value="add-contact" />
        <TextField idPrefix="contact" name="title" label={t("offers.contact.role")} description={t("offers.contact.role_help")} maxLength={200} error={contactForm ? errors.title : undefined} defaultValue={contactForm ? values.title : undefined} />
        <TextField idPrefix="contact" name="name" label={t("offers.contact.name")} maxLength={200} error={contactForm ? errors.name : undefined} defaultValue={contactForm ? values.name : undefined} />
        <TextField idPrefix="contact" name="email" type="email" label={t("field.email")} maxLength={254} error={contactForm ? errors.email : undefined} defaultValue={contactForm ? values.email : undefined} />
        <TextField idPrefix="contact" name="phone" type="tel" label={t("offers.contact.number")} maxLength={30} error={contactForm ? errors.phone : undefined} defaultValue={contactForm ? values.phone : undefined} />
        <Button type="submit">{t("offers.contact.add_contact")}</Button>
      </Form>
    </div>
  );
}
