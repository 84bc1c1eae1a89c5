import { useEffect, useRef } from "react";
import { data, Form, redirect, useActionData, useLoaderData, useNavigation, useRevalidator } from "react-router";
import { Alert, Button, Heading, List, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/import-preview";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { cancelImport, getImport, ImportRefusedError, startImport } from "../import.server";
import type { Problem, RowSource } from "../import";
import { CsrfField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { TableWrap } from "~/components/table-wrap";
import { useT, type T } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.import.preview.title");

/**
 * GET/POST /tilbud/import/:importId: the checked rows before anything is saved (preview), the progress
 * while the import runs (the page reloads itself every 2 s without JavaScript, and revalidates with it),
 * and the result. Only the person who uploaded the files, or an administrator, sees it.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.importId)) notFound();
  const url = new URL(request.url);
  const page = Math.min(Math.max(1, Math.trunc(Number(url.searchParams.get("side") ?? "1")) || 1), 10_000);
  const onlyProblems = url.searchParams.get("problemer") === "1";
  const found = await guard(() => getImport(getServices().db, user.actor, params.importId, { page, onlyProblems }));
  return { ...found, createdBy: undefined, createdAt: found.createdAt.toISOString(), finishedAt: found.finishedAt?.toISOString() ?? null, onlyProblems };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.importId)) notFound();
  const { db } = getServices();
  const intent = (await request.formData()).get("intent");
  if (intent === "cancel") {
    await guard(() => cancelImport(db, user.actor, params.importId));
    return redirect("/tilbud/import?avbrutt=1");
  }
  if (intent !== "import" && intent !== "import-valid") return data({ refused: false }, { status: 400 });
  try {
    // The rows are written after this response; `finished` never rejects (a failure is recorded on the import).
    const { finished } = await guard(() => startImport(db, user.actor, params.importId, { onlyValid: intent === "import-valid" }));
    void finished;
  } catch (error) {
    if (error instanceof ImportRefusedError) return data({ refused: true }, { status: 409 });
    throw error;
  }
  return redirect(`/tilbud/import/${params.importId}`);
}

function sourceText(t: T, source: RowSource | Pick<Problem, "file" | "line">) {
  if ("index" in source && source.index !== undefined) return t("offers.import.preview.item", { file: source.file ?? "", index: source.index });
  return t("offers.import.preview.line", { file: source.file ?? "", line: source.line ?? 0 });
}

function ProblemList({ problems }: { problems: Problem[] }) {
  const t = useT();
  return (
    <List.Unordered data-size="sm" style={{ overflowWrap: "break-word" }}>
      {problems.map((p, i) => (
        <List.Item key={i}>
          {p.file ? `${sourceText(t, p)}: ` : null}
          {p.where ? (
            <>
              <code>{p.where}</code>{" "}
            </>
          ) : null}
          – {t(p.message)}
          {p.value ? ` ${t("offers.import.preview.value", { value: p.value })}` : null}
        </List.Item>
      ))}
    </List.Unordered>
  );
}

const top = { verticalAlign: "top", overflowWrap: "break-word" } as const;

function pageHref(id: string, page: number, onlyProblems: boolean) {
  const params = new URLSearchParams();
  if (onlyProblems) params.set("problemer", "1");
  if (page > 1) params.set("side", String(page));
  const query = params.toString();
  return `/tilbud/import/${id}${query ? `?${query}` : ""}`;
}

/** While the import runs: revalidate every 2 s with JavaScript (without it, the page's meta refresh reloads it). */
function useRefreshWhileRunning(running: boolean) {
  const revalidator = useRevalidator();
  const ref = useRef(revalidator);
  ref.current = revalidator;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (ref.current.state === "idle") void ref.current.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [running]);
}

export default function ImportPreview() {
  const t = useT();
  const found = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  useRefreshWhileRunning(found.status === "running");
  const centre = found.centreName ?? t("offers.import.network");

  if (found.status === "running") {
    return (
      <div className="kp-stack kp-narrow kp-wrap">
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
        <Heading level={1} data-size="lg">
          {t("offers.import.running.title")}
        </Heading>
        <Paragraph>{t("offers.import.preview.file", { file: found.fileName })}</Paragraph>
        <Paragraph id="import-progress-text" role="status" data-testid="import-progress">
          {t("offers.import.running.progress", { done: found.processedRows, total: found.validRows })}
        </Paragraph>
        <progress style={{ width: "100%" }} max={Math.max(1, found.validRows)} value={found.processedRows} aria-labelledby="import-progress-text" />
        <Paragraph>{t("offers.import.running.body")}</Paragraph>
        <Paragraph>
          <AppLink to={`/tilbud/import/${found.id}`}>{t("offers.import.running.refresh")}</AppLink>
        </Paragraph>
      </div>
    );
  }

  if (found.status === "done" || found.status === "failed") {
    const done = found.status === "done";
    const skipped = found.totalRows - found.importedRows;
    return (
      <div className="kp-stack kp-narrow kp-wrap">
        <Heading level={1} data-size="lg">
          {t(done ? "offers.import.done.title" : "offers.import.failed.title")}
        </Heading>
        <Paragraph>{t("offers.import.preview.file", { file: found.fileName })}</Paragraph>
        <Paragraph>{t("offers.import.preview.centre", { centre })}</Paragraph>
        {done ? (
          <Alert data-color="success" role="status" data-testid="import-result">
            <Paragraph>{t("offers.import.done.body", { count: found.importedRows })}</Paragraph>
            {skipped > 0 ? <Paragraph>{t("offers.import.done.skipped", { count: skipped })}</Paragraph> : null}
          </Alert>
        ) : (
          <Alert data-color="danger" role="alert" data-testid="import-result">
            <Paragraph>{t(found.error ?? "offers.import.error.failed")}</Paragraph>
            <Paragraph>{t("offers.import.failed.progress", { done: found.importedRows, total: found.validRows })}</Paragraph>
          </Alert>
        )}
        {found.importedRows > 0 ? (
          <Paragraph>
            <AppLink to="/tilbud">{t("offers.import.done.link")}</AppLink>
          </Paragraph>
        ) : null}
        <Paragraph>
          <AppLink to="/tilbud/import">{t("offers.import.done.again")}</AppLink>
        </Paragraph>
      </div>
    );
  }

  const preview = found.preview!;
  const invalid = found.totalRows - found.validRows;
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.import.preview.title")}
      </Heading>
      <div className="kp-narrow">
        <List.Unordered data-testid="import-summary">
          <List.Item>{t("offers.import.preview.file", { file: found.fileName })}</List.Item>
          <List.Item>{t("offers.import.preview.centre", { centre })}</List.Item>
          <List.Item>{t("offers.import.preview.total", { count: found.totalRows })}</List.Item>
          <List.Item>{t("offers.import.preview.valid", { count: found.validRows })}</List.Item>
          <List.Item>{t("offers.import.preview.invalid", { count: invalid })}</List.Item>
        </List.Unordered>
      </div>
      {result?.refused ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t("offers.import.preview.refused")}</Paragraph>
        </Alert>
      ) : null}
      <Alert data-color={found.hasProblems ? "warning" : "success"} className="kp-narrow">
        <Paragraph>
          {!found.hasProblems ? t("offers.import.preview.all_ok") : found.validRows > 0 ? t("offers.import.preview.has_problems") : t("offers.import.preview.none_valid")}
        </Paragraph>
      </Alert>
      <Form method="post" className="kp-actions">
        <CsrfField />
        {!found.hasProblems ? (
          <Button type="submit" name="intent" value="import" aria-disabled={busy || undefined}>
            {t("offers.import.preview.import")}
          </Button>
        ) : found.validRows > 0 ? (
          <Button type="submit" name="intent" value="import-valid" aria-disabled={busy || undefined}>
            {t("offers.import.preview.import_valid", { count: found.validRows })}
          </Button>
        ) : null}
        <Button type="submit" name="intent" value="cancel" variant="secondary">
          {t("offers.import.preview.cancel")}
        </Button>
      </Form>

      {preview.fileProblems.length > 0 ? (
        <section className="kp-stack" aria-labelledby="import-file-problems" data-testid="import-file-problems">
          <Heading level={2} data-size="sm" id="import-file-problems">
            {t("offers.import.preview.file_problems")}
          </Heading>
          <ProblemList problems={preview.fileProblems} />
        </section>
      ) : null}
      {preview.ignoredFiles.length > 0 ? <Paragraph>{t("offers.import.preview.ignored", { files: preview.ignoredFiles.join(", ") })}</Paragraph> : null}

      <section className="kp-stack" aria-labelledby="import-rows">
        <Heading level={2} data-size="md" id="import-rows">
          {t("offers.import.preview.rows")}
        </Heading>
        {invalid > 0 ? (
          <Paragraph>
            {found.onlyProblems ? (
              <AppLink to={pageHref(found.id, 1, false)}>{t("offers.import.preview.all_rows")}</AppLink>
            ) : (
              <AppLink to={pageHref(found.id, 1, true)}>{t("offers.import.preview.only_problems")}</AppLink>
            )}
          </Paragraph>
        ) : null}
        <TableWrap label={t("offers.import.preview.rows")}>
          {/* One body per row of the file: its name and status, then its problems across the whole width (room on a phone). */}
          <Table data-testid="import-rows" style={{ tableLayout: "fixed", width: "100%" }}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("offers.import.preview.col_offer")}</Table.HeaderCell>
                <Table.HeaderCell style={{ width: "7rem" }}>{t("offers.import.preview.col_status")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            {preview.rows.map((row) => (
              <Table.Body key={row.number} data-testid="import-row">
                <Table.Row>
                  <Table.Cell style={row.problems.length ? { ...top, borderBottom: "none" } : top}>
                    <span className="kp-block" lang="nb">
                      {row.name || t("offers.import.preview.no_name")}
                    </span>
                    {row.organization ? (
                      <span className="kp-block" lang="nb">
                        {row.organization}
                      </span>
                    ) : null}
                    <span className="kp-block kp-muted">{sourceText(t, row.source)}</span>
                  </Table.Cell>
                  <Table.Cell style={row.problems.length ? { ...top, borderBottom: "none" } : top}>
                    {row.problems.length === 0 ? (
                      <Tag data-color="success" data-size="sm">
                        {t("offers.import.preview.ok")}
                      </Tag>
                    ) : (
                      <Tag data-color="danger" data-size="sm" style={{ width: "auto" }}>
                        {t("offers.import.preview.problems", { count: row.problems.length })}
                      </Tag>
                    )}
                  </Table.Cell>
                </Table.Row>
                {row.problems.length ? (
                  <Table.Row>
                    <Table.Cell colSpan={2} style={top}>
                      <ProblemList problems={row.problems} />
                    </Table.Cell>
                  </Table.Row>
                ) : null}
              </Table.Body>
            ))}
          </Table>
        </TableWrap>
        {preview.pages > 1 ? (
          <nav aria-label={t("offers.pages")} className="kp-actions">
            {preview.page > 1 ? <AppLink to={pageHref(found.id, preview.page - 1, found.onlyProblems)}>{t("offers.previous")}</AppLink> : null}
            <span>{t("offers.page_of", { page: preview.page, pages: preview.pages })}</span>
            {preview.page < preview.pages ? <AppLink to={pageHref(found.id, preview.page + 1, found.onlyProblems)}>{t("offers.next")}</AppLink> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
