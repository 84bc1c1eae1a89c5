import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Field, Heading, Input, Label, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import { Flash } from "../components/toolkit-chrome";
import type { Route } from "./+types/data";
import { getRequestState, requireUser } from "~/lib/request.server";
import { CsrfField, SelectField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { uploadTooLargeHeader } from "~/modules/offers/import.server";
import { deleteItem, deleteToolkit, myEntries } from "../toolkit.server";
import { importFile } from "../toolkit-export.server";
import type { ImportProblem } from "../toolkit-export.server";
import { importLimits, itemOf, isShareItem, tools } from "../toolkit";
import { cardIds } from "../content/content";
import { itemName } from "../items";
import { requestId, toolkitImportLane, toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.data.title");

const maxImportMb = importLimits.bytes / 1_000_000;

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const entries = await myEntries(toolkitStore(context), user.actor, tools);
  const items = [...new Set(entries.map((e) => itemOf(e.tool, e.ref)))];
  const body = {
    count: entries.length,
    items: items.map((item) => ({ value: item, label: itemName(lang, item) })),
    tooLarge: false,
  };
  if (request.headers.get(uploadTooLargeHeader) === "1") return data({ ...body, tooLarge: true }, { status: 413 });
  return body;
}

type ActionResult = {
  problems?: ImportProblem[];
  /** The file is someone else's (or does not say whose): asked before anything is merged. */
  confirmImport?: { owner: { name: string; email: string } | null; entries: number; me: { name: string; email: string }; fileText: string };
  fileError?: MessageKey;
  confirmError?: "item" | "all";
};

export async function action({ context, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const store = toolkitStore(context);
  const intent = formData.get("intent");
  if (intent === "import") {
    // The file itself, or (after "yes, read it in") the same file's text carried by the question's form.
    const file = formData.get("file");
    const carried = formData.get("fileText");
    const confirmed = formData.get("confirmOwner") === "1" && typeof carried === "string" && carried.length > 0;
    if (!confirmed && (!file || typeof file === "string" || file.size === 0)) return data({ fileError: "toolkit.import.error_no_file" } satisfies ActionResult, { status: 400 });
    const text = confirmed ? (carried as string) : await (file as File).text();
    // Imports run on their own lane (ADR 0017), a few at a time; the request's signal rolls back an import
    // whose request was cancelled, so nothing lands after the person was told it failed.
    const lane = toolkitImportLane();
    const result = await importFile(lane.store, user.actor, text, {
      slots: lane.slots,
      signal: request.signal,
      requestId: requestId(context),
      person: { email: user.email, confirmed },
    });
    if (!result.ok && result.reason === "confirm")
      return data({ confirmImport: { owner: result.owner, entries: result.entries, me: { name: user.name, email: user.email }, fileText: text } } satisfies ActionResult);
    if (!result.ok) {
      const busy = result.reason === "busy" || result.reason === "interrupted";
      return data({ problems: result.problems } satisfies ActionResult, {
        status: busy ? 503 : 400,
        headers: busy ? { "Retry-After": "10" } : undefined,
      });
    }
    return redirect(`/verktoy/data?importert=${result.imported}&hoppet=${result.skipped}`);
  }
  if (intent === "delete-item") {
    const item = String(formData.get("item") ?? "");
    if (!isShareItem(item, cardIds) || formData.get("confirm") !== "1")
      return data({ confirmError: "item" } satisfies ActionResult, {
        status: 400,
      });
    await deleteItem(store, user.actor, item, requestId(context));
    return redirect("/verktoy/data?slettet=1");
  }
  if (intent === "delete-all") {
    if (formData.get("confirm") !== "1")
      return data({ confirmError: "all" } satisfies ActionResult, {
        status: 400,
      });
    await deleteToolkit(store, user.actor, requestId(context));
    // Everything, the consent included, is gone: the consent page says so and asks again.
    return redirect("/verktoy/samtykke?slettet=1");
  }
  return redirect("/verktoy/data");
}

export default function ToolkitData() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const imported = params.get("importert");
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.data.title")}
      </Heading>
      <Paragraph>{t("toolkit.data.intro", { count: d.count })}</Paragraph>
      {/* At the top, where the page opens after the upload: nothing is read in before the answer. */}
      {result?.confirmImport ? <ConfirmImport {...result.confirmImport} /> : null}
      {imported !== null ? (
        <Alert data-color="success" role="status">
          <Paragraph>
            {t("toolkit.import.done", {
              imported: Number(imported) || 0,
              skipped: Number(params.get("hoppet")) || 0,
            })}
          </Paragraph>
        </Alert>
      ) : null}
      <Flash param="slettet">{t("toolkit.data.item_deleted")}</Flash>
      <Flash param="alt">{t("toolkit.data.all_deleted")}</Flash>

      <section className="kp-stack kp-narrow" aria-labelledby="export-heading">
        <Heading level={2} data-size="md" id="export-heading">
          {t("toolkit.export.title")}
        </Heading>
        <Paragraph>{t("toolkit.export.intro")}</Paragraph>
        <form method="post" action="/verktoy/eksport">
          <CsrfField />
          <Button type="submit">{t("toolkit.export.json")}</Button>
        </form>
      </section>

      <section className="kp-stack kp-narrow" aria-labelledby="import-heading">
        <Heading level={2} data-size="md" id="import-heading">
          {t("toolkit.import.title")}
        </Heading>
        <Paragraph>{t("toolkit.import.intro")}</Paragraph>
        {d.tooLarge ? (
          <Alert data-color="danger" role="alert">
            <Paragraph>{t("toolkit.import.error_too_big", { max: maxImportMb })}</Paragraph>
          </Alert>
        ) : null}
        {result?.problems ? (
          <Alert data-color="danger" role="alert" data-testid="import-problems">
            <Heading level={3} data-size="xs">
              {t("toolkit.import.problems")}
            </Heading>
            <ul>
              {result.problems.map((p, i) => (
                <li key={i}>
                  {p.entry ? t("toolkit.import.entry", { n: p.entry }) : ""}
                  {p.field ? ` (${p.field})` : ""} {t(p.message as MessageKey, p.values)}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <form method="post" encType="multipart/form-data" className="kp-stack">
          <CsrfField />
          <input type="hidden" name="intent" value="import" />
          <Field>
            <Label htmlFor="import-file">{t("toolkit.import.file")}</Label>
            <Input
              type="file"
              id="import-file"
              name="file"
              accept="application/json,.json"
              aria-describedby={result?.fileError ? "import-file-error" : undefined}
              aria-invalid={result?.fileError ? true : undefined}
            />
            {result?.fileError ? <ValidationMessage id="import-file-error">{t(result.fileError)}</ValidationMessage> : null}
          </Field>
          <Button type="submit" variant="secondary">
            {t("toolkit.import.submit")}
          </Button>
        </form>
      </section>

      <section className="kp-stack kp-narrow" aria-labelledby="delete-heading">
        <Heading level={2} data-size="md" id="delete-heading">
          {t("toolkit.data.delete_title")}
        </Heading>
        {d.items.length ? (
          <form method="post" className="kp-stack">
            <CsrfField />
            <input type="hidden" name="intent" value="delete-item" />
            <SelectField name="item" label={t("toolkit.data.delete_item")} options={d.items} placeholder={t("toolkit.sharing.choose_item")} />
            <Field position="start">
              <Input type="checkbox" id="confirm-item" name="confirm" value="1" aria-describedby={result?.confirmError === "item" ? "confirm-item-error" : undefined} />
              <Label htmlFor="confirm-item">{t("toolkit.data.confirm_item")}</Label>
              {result?.confirmError === "item" ? <ValidationMessage id="confirm-item-error">{t("toolkit.data.confirm_missing")}</ValidationMessage> : null}
            </Field>
            <Button type="submit" variant="secondary" data-color="danger">
              {t("toolkit.data.delete_item_submit")}
            </Button>
          </form>
        ) : (
          <Paragraph>{t("toolkit.data.nothing")}</Paragraph>
        )}
        <form method="post" className="kp-stack">
          <CsrfField />
          <input type="hidden" name="intent" value="delete-all" />
          <Paragraph>{t("toolkit.data.delete_all_intro")}</Paragraph>
          <Field position="start">
            <Input type="checkbox" id="confirm-all" name="confirm" value="1" aria-describedby={result?.confirmError === "all" ? "confirm-all-error" : undefined} />
            <Label htmlFor="confirm-all">{t("toolkit.data.confirm_all")}</Label>
            {result?.confirmError === "all" ? <ValidationMessage id="confirm-all-error">{t("toolkit.data.confirm_missing")}</ValidationMessage> : null}
          </Field>
          <Button type="submit" data-color="danger">
            {t("toolkit.data.delete_all_submit")}
          </Button>
        </form>
      </section>
    </div>
  );
}

/** "Is this your file?": whose file it is against who is logged in, and a yes that reads it in. */
function ConfirmImport({ owner, entries, me, fileText }: NonNullable<ActionResult["confirmImport"]>) {
  const t = useT();
  return (
    <Alert data-color="warning" id="bekreft-innlesing" className="kp-stack" data-testid="confirm-import">
      <Heading level={2} data-size="xs">
        {t("toolkit.import.owner_title")}
      </Heading>
      <Paragraph>
        {owner
          ? t("toolkit.import.owner_other", { name: owner.name, email: owner.email, me: me.name, myEmail: me.email })
          : t("toolkit.import.owner_unknown", { me: me.name, myEmail: me.email })}
      </Paragraph>
      <Paragraph>{t("toolkit.import.owner_question", { count: entries })}</Paragraph>
      <form method="post" encType="multipart/form-data" className="kp-actions kp-actions--apart">
        <CsrfField />
        <input type="hidden" name="intent" value="import" />
        <input type="hidden" name="confirmOwner" value="1" />
        <input type="hidden" name="fileText" value={fileText} />
        <Button type="submit" variant="secondary">
          {t("toolkit.import.owner_yes")}
        </Button>
        <a className="ds-link" href="/verktoy/data">
          {t("toolkit.import.owner_no")}
        </a>
      </form>
    </Alert>
  );
}
