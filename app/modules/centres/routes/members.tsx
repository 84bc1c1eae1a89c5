import { Form, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/members";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formError, formValues, parseForm } from "~/lib/forms";
import { guard, invalid, limitKey, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { hit, limits } from "~/modules/platform/rate-limit.server";
import { getCentre, inviteMember, listMembers, listPendingInvitations, setMemberRoles } from "../centres.server";
import { inviteSchema, memberRolesSchema } from "../centres.forms";
import { centreRoles } from "../permissions";
import { CheckboxGroup, CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "members.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.centreId)) notFound();
  const { db } = getServices();
  const centre = await getCentre(db, params.centreId);
  if (!centre) notFound();
  const requestId = getRequestState(context).requestId;
  const [members, invitations] = await guard(() =>
    Promise.all([listMembers(db, user.actor, centre.id, { requestId }), listPendingInvitations(db, user.actor, centre.id)]),
  );
  return {
    centre: { id: centre.id, name: centre.name },
    me: user.id,
    members,
    invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.centreId)) notFound();
  const { db, mailer, config } = getServices();
  const state = getRequestState(context);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "invite") {
    const parsed = parseForm(inviteSchema, formData, ["roles"]);
    if (!parsed.ok) return invalid({ ...parsed, values: { ...parsed.values, intent: "invite", roles: formData.getAll("roles").join(",") } });
    if (!(await hit(db, limitKey("invite", user.id), limits.invitesPerAccount))) {
      return invalid({ ...formError("error.rate_limited_hour", formData), values: { ...formValues(formData), intent: "invite" } }, 429);
    }
    await guard(() =>
      inviteMember(db, mailer, user.actor, params.centreId, parsed.data, {
        publicUrl: config.publicUrl,
        lang: state.lang,
        siteName: config.siteName,
        inviterName: user.name,
        requestId: state.requestId,
      }),
    );
    return { ok: true as const, done: "invited" as const, email: parsed.data.email };
  }
  if (intent === "roles" || intent === "remove") {
    const parsed = parseForm(memberRolesSchema, formData, ["roles"]);
    if (!parsed.ok) return invalid(parsed);
    const roles = intent === "remove" ? [] : parsed.data.roles;
    if (intent === "roles" && roles.length === 0) {
      return invalid({ ...formError("error.roles_required_or_remove", formData), values: { userId: parsed.data.userId } });
    }
    const result = await guard(() => setMemberRoles(db, user.actor, params.centreId, { userId: parsed.data.userId, roles }, { requestId: state.requestId }));
    if (!result.ok) return invalid({ ...formError("error.last_coordinator", formData), values: { userId: parsed.data.userId } }, 409);
    return { ok: true as const, done: intent === "remove" ? ("removed" as const) : ("saved" as const) };
  }
  return invalid(formError("error.invalid", formData));
}

export default function Members() {
  const t = useT();
  const { centre, members, invitations, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values, formError } = useFormState(result);
  const roleOptions = centreRoles.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const inviteFailed = values.intent === "invite";
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("members.title")}
      </Heading>
      <Paragraph>{t("members.intro", { centre: centre.name })}</Paragraph>
      {result && result.ok ? (
        <Alert data-color="success" role="status">
          <Paragraph>{result.done === "invited" ? t("members.invited", { email: result.email }) : result.done === "removed" ? t("members.removed") : t("members.saved")}</Paragraph>
        </Alert>
      ) : null}
      {/* A refused role change: the summary at the top links to that person's roles (and the page opens at it). */}
      {formError && !inviteFailed ? (
        <FormErrorSummary
          errors={values.userId && members.some((m) => m.userId === values.userId) ? { roles: formError } : {}}
          formError={formError}
          idPrefix={`m-${values.userId}`}
          labels={{ roles: t("members.roles_for", { name: members.find((m) => m.userId === values.userId)?.name ?? "" }) }}
        />
      ) : null}

      <section className="kp-stack" aria-labelledby="members-list">
        <Heading level={2} data-size="md" id="members-list">
          {t("members.list", { count: members.length })}
        </Heading>
        <ul className="kp-grid">
          {members.map((m) => (
            <li key={m.userId}>
              <div className="kp-member" data-testid="member">
                <Heading level={3} data-size="xs">
                  {m.name}
                  {m.userId === me ? ` (${t("members.you")})` : ""}
                </Heading>
                <Paragraph data-size="sm">{m.email}</Paragraph>
                <div className="kp-actions">
                  {m.roles.map((r) => (
                    <Tag key={r}>{t(`role.${r}`)}</Tag>
                  ))}
                </div>
                <Form method="post" className="kp-stack">
                  <CsrfField />
                  <input type="hidden" name="userId" value={m.userId} />
                  <CheckboxGroup
                    name="roles"
                    idPrefix={`m-${m.userId}`}
                    legend={t("members.roles_for", { name: m.name })}
                    options={roleOptions}
                    selected={m.roles}
                    error={!inviteFailed && values.userId === m.userId ? formError : undefined}
                  />
                  <div className="kp-actions">
                    <Button type="submit" name="intent" value="roles" variant="secondary" data-size="sm">
                      {t("members.save_roles")}
                    </Button>
                    <Button type="submit" name="intent" value="remove" variant="tertiary" data-color="danger" data-size="sm">
                      {t("members.remove")}
                    </Button>
                  </div>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="kp-stack kp-narrow" aria-labelledby="members-invite">
        <Heading level={2} data-size="md" id="members-invite">
          {t("members.invite_title")}
        </Heading>
        <Paragraph>{t("members.invite_intro")}</Paragraph>
        {inviteFailed ? (
          <FormErrorSummary errors={errors} formError={formError} labels={{ email: t("field.email"), roles: t("members.roles") }} />
        ) : null}
        <Form method="post" className="kp-stack" noValidate>
          <CsrfField />
          <TextField name="email" type="email" label={t("field.email")} required error={inviteFailed ? errors.email : undefined} defaultValue={inviteFailed ? values.email : undefined} />
          <CheckboxGroup
            name="roles"
            legend={t("members.roles")}
            options={roleOptions}
            selected={inviteFailed && values.roles ? values.roles.split(",") : ["participant"]}
            error={inviteFailed ? errors.roles : undefined}
          />
          <Button type="submit" name="intent" value="invite">
            {t("members.send_invite")}
          </Button>
        </Form>
      </section>

      {invitations.length > 0 ? (
        <section className="kp-stack" aria-labelledby="members-pending">
          <Heading level={2} data-size="md" id="members-pending">
            {t("members.pending")}
          </Heading>
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email} – {i.roles.map((r) => t(`role.${r as (typeof centreRoles)[number]}`)).join(", ")} ({t("members.expires", { date: t.date(i.expiresAt) })})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
