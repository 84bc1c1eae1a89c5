import { redirect, useActionData, useLoaderData } from "react-router";
import { Button, Field, Fieldset, Heading, Input, Label, Link, Paragraph, Table, Tag, ValidationMessage } from "@digdir/designsystemet-react";
import { Flash } from "../components/toolkit-chrome";
import type { Route } from "./+types/sharing";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { invalid } from "~/lib/route-helpers.server";
import { getServices } from "~/lib/services.server";
import { CsrfField, FormErrorSummary, SelectField, TextField, useFormState } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { shareForm } from "../toolkit.forms";
import { createShare, myShares, revokeShare, sharingPeers } from "../toolkit.server";
import { isShareItem } from "../toolkit";
import { cardIds } from "../content/content";
import { itemName, shareableItemList } from "../items";
import { toolkitUser, requestId } from "../toolkit-route.server";
import { osloToday } from "~/lib/oslo-date";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.sharing.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const { db } = getServices();
  const [peers, shares] = await Promise.all([sharingPeers(db, user.actor), myShares(db, user.actor)]);
  return {
    today: osloToday(),
    items: shareableItemList(cardIds).map((item) => ({
      value: item,
      label: itemName(lang, item),
    })),
    peers: peers.map((p) => ({
      value: `${p.peerId}:${p.centreId}`,
      label: `${p.name} (${p.centreName})`,
    })),
    shares: shares.map((s) => ({
      id: s.id,
      item: itemName(lang, s.item),
      peer: s.peerName,
      centre: s.centreName,
      mode: s.mode,
      until: s.until,
      active: s.active,
      revokedAt: s.revokedAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
    })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const { db } = getServices();
  if (formData.get("intent") === "revoke") {
    await revokeShare(db, user.actor, String(formData.get("shareId") ?? ""), requestId(context));
    return redirect("/verktoy/deling?stoppet=1");
  }
  const parsed = parseForm(shareForm, formData);
  if (!parsed.ok) return invalid(parsed);
  if (!isShareItem(parsed.data.item, cardIds)) return invalid(formError("error.invalid", formData, { item: "error.invalid" }));
  const [peerId, centreId] = parsed.data.peer.split(":") as [string, string];
  const result = await createShare(
    db,
    user.actor,
    {
      item: parsed.data.item,
      peerId,
      centreId,
      mode: parsed.data.mode,
      until: parsed.data.until,
    },
    requestId(context),
  );
  if (!result.ok) {
    const field = result.reason === "peer" ? "peer" : result.reason === "mode" ? "mode" : "until";
    const message: MessageKey = result.reason === "peer" ? "toolkit.share.error_peer" : result.reason === "mode" ? "toolkit.share.error_mode" : "toolkit.share.error_until";
    return invalid(formError(message, formData, { [field]: message }));
  }
  return redirect("/verktoy/deling?delt=1");
}

export default function Sharing() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  const mode = values.mode ?? "read";
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.sharing.title")}
      </Heading>
      <Paragraph>{t("toolkit.sharing.intro")}</Paragraph>
      <Flash param="delt">{t("toolkit.sharing.shared")}</Flash>
      <Flash param="stoppet">{t("toolkit.sharing.revoked")}</Flash>
      <Paragraph>
        <Link href="/min-side/innsyn">{t("toolkit.sharing.see_log")}</Link>
      </Paragraph>

      <section className="kp-stack" aria-labelledby="shares-heading">
        <Heading level={2} data-size="md" id="shares-heading">
          {t("toolkit.sharing.list")}
        </Heading>
        {d.shares.length === 0 ? (
          <Paragraph>{t("toolkit.sharing.none")}</Paragraph>
        ) : (
          <TableWrap label={t("toolkit.sharing.list")}>
            <Table zebra data-testid="shares">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("toolkit.sharing.what")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("toolkit.sharing.with")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("toolkit.sharing.how")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("toolkit.sharing.status")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.shares.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>{s.item}</Table.Cell>
                    <Table.Cell>
                      {s.peer} ({s.centre})
                    </Table.Cell>
                    <Table.Cell>{t(s.mode === "suggest" ? "toolkit.share.mode_suggest" : "toolkit.share.mode_read")}</Table.Cell>
                    <Table.Cell>
                      {s.active ? (
                        <div className="kp-stack">
                          <Tag data-color="info">
                            {s.until
                              ? t("toolkit.sharing.until", {
                                  date: t.date(s.until),
                                })
                              : t("toolkit.sharing.active")}
                          </Tag>
                          <form method="post">
                            <CsrfField />
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="shareId" value={s.id} />
                            <Button type="submit" variant="secondary" data-size="sm" data-color="danger" aria-label={`${t("toolkit.sharing.revoke")}: ${s.item}, ${s.peer}`}>
                              {t("toolkit.sharing.revoke")}
                            </Button>
                          </form>
                        </div>
                      ) : s.revokedAt ? (
                        t("toolkit.sharing.revoked_on", {
                          date: t.date(s.revokedAt, "datetime"),
                        })
                      ) : (
                        t("toolkit.sharing.ended")
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        )}
      </section>

      <section className="kp-stack kp-narrow" aria-labelledby="new-share">
        <Heading level={2} data-size="md" id="new-share">
          {t("toolkit.sharing.new")}
        </Heading>
        {d.peers.length === 0 ? (
          <Paragraph>{t("toolkit.sharing.no_peers")}</Paragraph>
        ) : (
          <>
            <FormErrorSummary
              errors={errors}
              labels={{
                item: t("toolkit.sharing.what"),
                peer: t("toolkit.sharing.with"),
                mode: t("toolkit.sharing.how"),
                until: t("toolkit.share.until"),
              }}
            />
            <form method="post" className="kp-stack" noValidate>
              <CsrfField />
              <SelectField
                name="item"
                label={t("toolkit.sharing.what")}
                options={d.items}
                placeholder={t("toolkit.sharing.choose_item")}
                defaultValue={values.item}
                error={errors.item}
              />
              <SelectField
                name="peer"
                label={t("toolkit.sharing.with")}
                options={d.peers}
                placeholder={t("toolkit.sharing.choose_peer")}
                defaultValue={values.peer}
                error={errors.peer}
              />
              <Fieldset id="field-mode" aria-describedby={errors.mode ? "field-mode-error" : undefined}>
                <Fieldset.Legend>{t("toolkit.sharing.how")}</Fieldset.Legend>
                <Field position="start">
                  <Input type="radio" id="mode-read" name="mode" value="read" defaultChecked={mode === "read"} />
                  <Label htmlFor="mode-read">{t("toolkit.share.mode_read")}</Label>
                </Field>
                <Field position="start">
                  <Input type="radio" id="mode-suggest" name="mode" value="suggest" defaultChecked={mode === "suggest"} />
                  <Label htmlFor="mode-suggest">{t("toolkit.share.mode_suggest")}</Label>
                  <Field.Description>{t("toolkit.share.mode_suggest_help")}</Field.Description>
                </Field>
                {errors.mode ? <ValidationMessage id="field-mode-error">{t(errors.mode)}</ValidationMessage> : null}
              </Fieldset>
              <TextField name="until" type="date" label={t("toolkit.share.until")} description={t("toolkit.share.until_help")} defaultValue={values.until} error={errors.until} />
              <Button type="submit">{t("toolkit.sharing.submit")}</Button>
            </form>
          </>
        )}
      </section>
    </div>
  );
}
