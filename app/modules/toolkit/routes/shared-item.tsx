import { redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { Flash } from "../components/toolkit-chrome";
import type { Route } from "./+types/shared-item";
import { getRequestState, requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid, uuidPattern, notFound } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { addSuggestion, readSharedItem } from "../toolkit.server";
import { suggestionForm } from "../toolkit.forms";
import { itemName } from "../items";
import { packsFor, toItemView } from "../item-view.server";
import { getServices } from "~/lib/services.server";
import { ItemViewer } from "../components/item-view";
import { requestId, sessionOrReauth, toolkitStore } from "../toolkit-route.server";

/** A peer worker reads one shared item. Each visit is a logged read the participant can see. */
export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "toolkit.shared.item_title");

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  if (!uuidPattern.test(params.shareId)) notFound();
  const read = await guard(() => readSharedItem(toolkitStore(context), user.actor, params.shareId, requestId(context)));
  const packs = read.item === "check_in" ? await packsFor(getServices().db, read.entries) : undefined;
  return {
    owner: read.ownerName,
    item: itemName(lang, read.item),
    canSuggest: read.access === "suggest" && read.item === "dream",
    view: toItemView(lang, read.item, read.entries, packs),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await sessionOrReauth(context, request, formData);
  if (!uuidPattern.test(params.shareId)) notFound();
  const parsed = parseForm(suggestionForm, formData);
  if (!parsed.ok) return invalid(parsed);
  await guard(() => addSuggestion(toolkitStore(context), user.actor, params.shareId, parsed.data.text, user.name, requestId(context)));
  return redirect(`/delt-med-meg/${params.shareId}?foreslatt=1`);
}

export default function SharedItem() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  return (
    <div className="kp-stack">
      <Paragraph>
        <Link href="/delt-med-meg">{t("toolkit.shared.back")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("toolkit.shared.heading", { item: d.item, name: d.owner })}
      </Heading>
      <Alert data-color="info">
        <Paragraph>{t("toolkit.shared.logged", { name: d.owner })}</Paragraph>
      </Alert>
      <Flash param="foreslatt">{t("toolkit.shared.suggested")}</Flash>
      <ItemViewer view={d.view} />
      {d.canSuggest ? (
        <section className="kp-stack kp-narrow" aria-labelledby="suggest-heading">
          <Heading level={2} data-size="md" id="suggest-heading">
            {t("toolkit.shared.suggest_title")}
          </Heading>
          <Paragraph data-size="sm">{t("toolkit.shared.suggest_intro", { name: d.owner })}</Paragraph>
          <FormErrorSummary errors={errors} labels={{ text: t("toolkit.shared.suggestion") }} />
          <form method="post" className="kp-stack" noValidate>
            <CsrfField />
            <TextField name="text" multiline label={t("toolkit.shared.suggestion")} required maxLength={5000} defaultValue={values.text} error={errors.text} />
            <Button type="submit">{t("toolkit.shared.suggest_submit")}</Button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
