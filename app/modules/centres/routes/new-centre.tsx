import { redirect, useActionData, useLoaderData } from "react-router";
import { Heading } from "@digdir/designsystemet-react";
import type { Route } from "./+types/new-centre";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid } from "~/lib/route-helpers.server";
import { createCentre, ForbiddenError } from "../centres.server";
import { centreSchema } from "../centres.forms";
import { can } from "../permissions";
import { kommuneLabel, kommuner } from "../kommuner";
import { CentreForm } from "../components/centre-form";
import { useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "centre.new_title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!can(user.actor, "installation.create_centre")) await guard(() => Promise.reject(new ForbiddenError()));
  return { kommuner: kommuner.map((k) => ({ value: k.kommunenummer, label: kommuneLabel(k) })) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const formData = await request.formData();
  const parsed = parseForm(centreSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  const id = await guard(() => createCentre(getServices().db, user.actor, parsed.data));
  return redirect(`/sentre/${id}`);
}

export default function NewCentre() {
  const t = useT();
  const { kommuner } = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("centre.new_title")}
      </Heading>
      <CentreForm values={values} errors={errors} kommuner={kommuner} submitLabel={t("centre.create")} />
    </div>
  );
}
