import { redirect, useActionData, useLoaderData } from "react-router";
import { Heading } from "@digdir/designsystemet-react";
import type { Route } from "./+types/edit-centre";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { ForbiddenError, getCentre, updateCentre } from "../centres.server";
import { centreSchema } from "../centres.forms";
import { can } from "../permissions";
import { kommuneLabel, kommuner } from "../kommuner";
import { CentreForm } from "../components/centre-form";
import { useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "centre.edit_title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.centreId)) notFound();
  if (!can(user.actor, "centre.edit", params.centreId)) throw await guard(() => Promise.reject(new ForbiddenError()));
  const centre = await getCentre(getServices().db, params.centreId);
  if (!centre) notFound();
  return { centre, kommuner: kommuner.map((k) => ({ value: k.kommunenummer, label: kommuneLabel(k) })) };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.centreId)) notFound();
  const formData = await request.formData();
  const parsed = parseForm(centreSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  await guard(() => updateCentre(getServices().db, user.actor, params.centreId, parsed.data));
  return redirect(`/sentre/${params.centreId}`);
}

export default function EditCentre() {
  const t = useT();
  const { centre, kommuner } = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  const hasValues = Object.keys(values).length > 0;
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("centre.edit_title")}
      </Heading>
      <CentreForm values={hasValues ? values : centre} errors={errors} kommuner={kommuner} submitLabel={t("form.save")} />
    </div>
  );
}
