import { Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { useRouteLoaderData } from "react-router";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";

/** Friendly error pages in the user's language. Never shows a stack trace or error details. */
export function ErrorPage({ status, reason }: { status: number; reason?: string }) {
  const t = useT();
  let title: MessageKey = "error_page.500.title";
  let body: MessageKey = "error_page.500.body";
  if (status === 404) {
    title = "error_page.404.title";
    body = "error_page.404.body";
  } else if (status === 403 && reason === "csrf") {
    title = "error_page.csrf.title";
    body = "error_page.csrf.body";
  } else if (status === 403) {
    title = "error_page.403.title";
    body = "error_page.403.body";
  } else if (status === 400 && reason === "unknown_language") {
    title = "error_page.lang.title";
    body = "error_page.lang.body";
  } else if (status === 400 && reason === "bad_characters") {
    title = "error_page.bad_characters.title";
    body = "error_page.bad_characters.body";
  } else if (status === 413) {
    title = "error_page.413.title";
    body = "error_page.413.body";
  } else if (status === 503) {
    title = "error_page.503.title";
    body = "error_page.503.body";
  } else if (status === 431) {
    title = "error_page.431.title";
    body = "error_page.431.body";
  } else if (status >= 400 && status < 500) {
    title = "error_page.400.title";
    body = "error_page.400.body";
  }
  const root = useRouteLoaderData("root") as { siteName?: string } | undefined;
  return (
    <div className="kp-stack kp-narrow" data-status={status}>
      <title>{`${t(title)} – ${root?.siteName ?? "Knutepunkt"}`}</title>
      <Heading level={1} data-size="lg">
        {t(title)}
      </Heading>
      <Paragraph>{t(body)}</Paragraph>
      {status === 431 ? (
        <Paragraph>
          <Link href="/tilbud">{t("error_page.431.search")}</Link>
        </Paragraph>
      ) : null}
      <Paragraph>
        <Link href="/">{t("error_page.home")}</Link>
      </Paragraph>
      <Paragraph data-size="sm" className="kp-muted">
        {t("error_page.code", { status })}
      </Paragraph>
    </div>
  );
}
