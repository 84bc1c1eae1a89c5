import { useEffect, useRef, useState, type ComponentRef, type FormEvent } from "react";
import { data, Form, redirect, useActionData, useLoaderData, useNavigation, useSearchParams } from "react-router";
import { Alert, Button, ErrorSummary, Field, Heading, Input, Label, Link, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/import";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard, uuidPattern } from "~/lib/route-helpers.server";
import { importTargets, maxUploadBytes, previewImport, uploadTooLargeHeader } from "../import.server";
import type { FileError } from "../import";
import { CsrfField, SelectField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.import.title");

/**
 * GET/POST /tilbud/import: upload HSDS files (CSV set or JSON) for a centre. A good upload goes on to its
 * preview; a file that cannot be read comes back here with one message. server.mjs sends an upload over
 * the size limit here as a GET with a marker header, so the person sees this page (413) in their language.
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const targets = await guard(() => importTargets(getServices().db, user.actor));
  const maxMb = maxUploadBytes / 1_000_000;
  const tooLarge = request.headers.get(uploadTooLargeHeader) === "1";
  const body = {
    centres: targets.centres,
    network: targets.network,
    maxBytes: maxUploadBytes,
    maxMb,
    fileError: tooLarge ? ({ message: "offers.import.file.too_big", params: { max: maxMb } } satisfies FileError) : null,
  };
  return tooLarge ? data(body, { status: 413 }) : body;
}

type ActionResult = { fileError: FileError | null; centreError: MessageKey | null; centre: string };

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const formData = await request.formData();
  const centre = typeof formData.get("centre") === "string" ? (formData.get("centre") as string) : "";
  const fail = (result: Omit<ActionResult, "centre">, status = 400) => data<ActionResult>({ ...result, centre }, { status });
  if (centre && !uuidPattern.test(centre)) return fail({ fileError: null, centreError: "error.invalid" });
  if (!centre && !user.actor.isAdmin) return fail({ fileError: null, centreError: "error.required" });
  const files = formData.getAll("files").filter((v): v is File => typeof v !== "string" && (v.name !== "" || v.size > 0));
  if (files.length === 0) return fail({ fileError: { message: "offers.import.file.none" }, centreError: null });
  if (files.reduce((sum, f) => sum + f.size, 0) > maxUploadBytes) {
    return fail({ fileError: { message: "offers.import.file.too_big", params: { max: maxUploadBytes / 1_000_000 } }, centreError: null }, 413);
  }
  const uploaded = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const result = await guard(() => previewImport(getServices().db, user.actor, { centreId: centre || null, files: uploaded }));
  if (!result.ok) return fail({ fileError: result.error, centreError: null });
  return redirect(`/tilbud/import/${result.id}`);
}

export default function ImportOffers() {
  const t = useT();
  const { centres, network, maxBytes, maxMb, fileError: loaderError } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  // With JavaScript, a file over the limit is caught before it is sent.
  const [tooBig, setTooBig] = useState(false);
  const fileError: FileError | null = tooBig ? { message: "offers.import.file.too_big", params: { max: maxMb } } : (result?.fileError ?? loaderError);
  const centreError = result?.centreError ?? null;
  const chooseCentre = network || centres.length > 1;
  const onlyCentre = centres[0];

  // With JavaScript: focus the summary for every new set of errors (a second failed try too), as FormErrorSummary does.
  const summary = useRef<ComponentRef<typeof ErrorSummary>>(null);
  useEffect(() => {
    if (fileError || centreError) summary.current?.focus();
  }, [result, tooBig, fileError, centreError]);

  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("files");
    const list = input instanceof HTMLInputElement ? [...(input.files ?? [])] : [];
    const over = list.reduce((sum, f) => sum + f.size, 0) > maxBytes;
    setTooBig(over);
    if (over) event.preventDefault();
  };

  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.import.title")}
      </Heading>
      {params.has("avbrutt") ? (
        <Alert data-color="info" role="status">
          <Paragraph>{t("offers.import.cancelled")}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t("offers.import.intro")}</Paragraph>

      {fileError || centreError ? (
        // autoFocus, as FormErrorSummary: the page opens at the summary (scrolled to, focused, read out first), also without JavaScript.
        <ErrorSummary ref={summary} data-testid="error-summary" tabIndex={-1} autoFocus>
          <ErrorSummary.Heading>{t("form.errors_heading")}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {centreError ? (
              <ErrorSummary.Item>
                <ErrorSummary.Link href="#field-centre">
                  {t("offers.import.centre")}: {t(centreError)}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ) : null}
            {fileError ? (
              <ErrorSummary.Item>
                <ErrorSummary.Link href="#field-files">{t(fileError.message, fileError.params)}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ) : null}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}

      <Form method="post" encType="multipart/form-data" className="kp-stack kp-narrow" noValidate onSubmit={checkSize}>
        <CsrfField />
        {chooseCentre ? (
          <SelectField
            name="centre"
            label={t("offers.import.centre")}
            placeholder={network ? t("offers.import.network") : t("offers.import.choose_centre")}
            options={centres.map((c) => ({ value: c.id, label: c.name }))}
            defaultValue={result?.centre ?? ""}
            error={centreError ?? undefined}
          />
        ) : onlyCentre ? (
          <>
            <input type="hidden" name="centre" value={onlyCentre.id} />
            <Paragraph>{t("offers.import.for_centre", { centre: onlyCentre.name })}</Paragraph>
          </>
        ) : null}
        <Field>
          <Label htmlFor="field-files">{t("offers.import.files")}</Label>
          <Field.Description id="field-files-desc">{t("offers.import.files_help", { max: maxMb })}</Field.Description>
          <Input
            type="file"
            id="field-files"
            name="files"
            multiple
            accept=".csv,.json,.ndjson"
            aria-describedby={fileError ? "field-files-desc field-files-error" : "field-files-desc"}
            aria-invalid={fileError ? true : undefined}
            onChange={() => setTooBig(false)}
          />
          {fileError ? <ValidationMessage id="field-files-error">{t(fileError.message, fileError.params)}</ValidationMessage> : null}
        </Field>
        <div className="kp-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t("offers.import.submit")}
          </Button>
        </div>
      </Form>

      <section className="kp-stack kp-narrow" aria-labelledby="import-formats">
        <Heading level={2} data-size="md" id="import-formats">
          {t("offers.import.formats_title")}
        </Heading>
        <Heading level={3} data-size="xs">
          {t("offers.import.format_csv_title")}
        </Heading>
        <Paragraph>{t("offers.import.format_csv")}</Paragraph>
        <Paragraph>{t("offers.import.format_csv_ids")}</Paragraph>
        <Heading level={3} data-size="xs">
          {t("offers.import.format_json_title")}
        </Heading>
        <Paragraph>{t("offers.import.format_json")}</Paragraph>
        <Paragraph>{t("offers.import.format_ids")}</Paragraph>
        <Paragraph>
          {t("offers.import.profile_intro")} <Link href="/api/hsds/profile">{t("offers.import.profile_link")}</Link>.
        </Paragraph>
      </section>
    </div>
  );
}
