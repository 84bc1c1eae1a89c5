import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Table, Tag, ValidationMessage } from "@digdir/designsystemet-react";
import { Flash } from "../components/toolkit-chrome";
import type { Route } from "./+types/centre-instruments";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, TextField } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { getCentre } from "~/modules/centres/centres.server";
import { centrePacks, installPack, removePack } from "../check-in.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.packs.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  if (!uuidPattern.test(params.centreId)) notFound();
  const { db } = getServices();
  const packs = await guard(() => centrePacks(db, user.actor, params.centreId));
  const centre = await getCentre(db, params.centreId);
  if (!centre) notFound();
  return {
    centre: centre.shortName,
    packs: packs.map((p) => ({
      id: p.id,
      name: p.pack.name[lang],
      packId: p.pack.id,
      version: p.pack.version,
      items: p.pack.items.length,
      licence: `${p.pack.licence.name} – ${p.pack.licence.reference}`,
      removed: p.removedAt !== null,
    })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.centreId)) notFound();
  const { db } = getServices();
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    await guard(() => removePack(db, user.actor, params.centreId, String(formData.get("id") ?? "")));
    return redirect(`/sentre/${params.centreId}/sjekker?fjernet=1`);
  }
  const file = formData.get("file");
  const pasted = String(formData.get("json") ?? "");
  const text = file && typeof file !== "string" && file.size > 0 ? await file.text() : pasted;
  if (!text.trim()) return data({ problems: [] as string[], empty: true, json: pasted }, { status: 400 });
  const result = await guard(() => installPack(db, user.actor, params.centreId, text));
  if (!result.ok) return data({ problems: result.problems, empty: false, json: pasted }, { status: 400 });
  return redirect(`/sentre/${params.centreId}/sjekker?installert=1`);
}

export default function CentreInstruments() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.packs.title")}
      </Heading>
      <Paragraph>{t("toolkit.packs.intro", { centre: d.centre })}</Paragraph>
      <Flash param="installert">{t("toolkit.packs.installed")}</Flash>
      <Flash param="fjernet">{t("toolkit.packs.removed")}</Flash>
      {d.packs.length === 0 ? (
        <Paragraph>{t("toolkit.packs.none")}</Paragraph>
      ) : (
        <TableWrap label={t("toolkit.packs.title")}>
          <Table zebra data-testid="packs">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("toolkit.packs.name")}</Table.HeaderCell>
                <Table.HeaderCell>{t("toolkit.packs.licence")}</Table.HeaderCell>
                <Table.HeaderCell>{t("toolkit.sharing.status")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.packs.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    {p.name} ({p.packId}, v{p.version}, {t("toolkit.packs.items", { count: p.items })})
                  </Table.Cell>
                  <Table.Cell>{p.licence}</Table.Cell>
                  <Table.Cell>
                    {p.removed ? (
                      <Tag data-color="neutral">{t("toolkit.packs.is_removed")}</Tag>
                    ) : (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="id" value={p.id} />
                        <Button type="submit" variant="secondary" data-size="sm" data-color="danger" aria-label={`${t("toolkit.packs.remove")}: ${p.name}`}>
                          {t("toolkit.packs.remove")}
                        </Button>
                      </Form>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      <section className="kp-stack kp-narrow" aria-labelledby="install-heading">
        <Heading level={2} data-size="md" id="install-heading">
          {t("toolkit.packs.install")}
        </Heading>
        <Paragraph data-size="sm">{t("toolkit.packs.install_intro")}</Paragraph>
        {result?.problems.length ? (
          <Alert data-color="danger" role="alert" data-testid="pack-problems">
            <Paragraph>{t("toolkit.packs.problems")}</Paragraph>
            <ul>
              {result.problems.map((p) => (
                <li key={p}>{p === "json" ? t("toolkit.import.error_json") : p}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="kp-stack" reloadDocument>
          <CsrfField />
          <Field>
            <Label htmlFor="pack-file">{t("toolkit.packs.file")}</Label>
            <Input type="file" id="pack-file" name="file" accept="application/json,.json" aria-describedby={result?.empty ? "pack-file-error" : undefined} />
            {result?.empty ? <ValidationMessage id="pack-file-error">{t("toolkit.import.error_no_file")}</ValidationMessage> : null}
          </Field>
          <TextField name="json" multiline label={t("toolkit.packs.paste")} defaultValue={result?.json} />
          <Button type="submit">{t("toolkit.packs.install_submit")}</Button>
        </Form>
      </section>
    </div>
  );
}
