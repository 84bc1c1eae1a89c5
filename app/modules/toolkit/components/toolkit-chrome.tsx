import type { ReactNode } from "react";
import { Form, isRouteErrorResponse, NavLink, useLocation, useRouteError, useRouteLoaderData } from "react-router";
import { ErrorPage } from "~/components/error-page";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { CsrfField, TextField } from "~/components/form";
import type { RootData } from "~/root";
import type { ReauthData } from "../toolkit-route.server";

const sections: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: "/verktoy", label: "toolkit.nav.home", end: true },
  { to: "/verktoy/kort", label: "toolkit.nav.cards" },
  { to: "/verktoy/verdier", label: "toolkit.nav.values" },
  { to: "/verktoy/drommen", label: "toolkit.nav.dream" },
  { to: "/verktoy/sjekk", label: "toolkit.nav.check_in" },
  { to: "/verktoy/stadier", label: "toolkit.nav.stages" },
  { to: "/verktoy/mappe", label: "toolkit.nav.folder" },
  { to: "/verktoy/deling", label: "toolkit.nav.sharing" },
  { to: "/verktoy/data", label: "toolkit.nav.data" },
];

/** The toolkit's own menu and the "lock now" button, on every toolkit page. */
export function ToolkitNav() {
  const t = useT();
  return (
    <div className="kp-toolkit-bar">
      {/* On a phone the menu is one row that scrolls sideways beside "lock now", with a shadow at the edge that has more (app.css). */}
      <nav aria-label={t("toolkit.nav.label")}>
        <ul className="kp-toolkit-nav">
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end} reloadDocument className="ds-link">
                {t(s.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <LockButton />
    </div>
  );
}

export function LockButton() {
  const t = useT();
  return (
    <Form method="post" action="/laas" reloadDocument id="kp-lock-form" className="kp-inline-form">
      <CsrfField />
      <Button type="submit" variant="secondary" data-size="sm" data-color="neutral">
        {t("toolkit.lock.button")}
      </Button>
    </Form>
  );
}

/**
 * Locks the screen after SESSION_IDLE_MINUTES without a key press, tap or scroll: a few hundred bytes of
 * plain script (the toolkit pages load no React). Without JavaScript the server session ends after the
 * same time, and the next click asks for the password.
 */
export function IdleLock() {
  const root = useRouteLoaderData("root") as RootData | undefined;
  if (!root?.user) return null;
  const ms = root.idleMinutes * 60_000;
  const code = `(function(){var t,m=${ms};function r(){clearTimeout(t);t=setTimeout(function(){var f=document.getElementById("kp-lock-form");if(f)f.submit();else location.assign("/laas")},m)}["keydown","pointerdown","input","scroll","touchstart"].forEach(function(e){addEventListener(e,r,{passive:true})});r()})();`;
  return <script nonce={root.nonce} dangerouslySetInnerHTML={{ __html: code }} />;
}

/** "You were logged out — log in again to save": the typed values ride along in hidden fields. */
export function ReauthPage({ data }: { data: ReauthData }) {
  const t = useT();
  const root = useRouteLoaderData("root") as RootData | undefined;
  return (
    <div className="kp-stack kp-narrow">
      <title>{`${t("toolkit.reauth.title")} – ${root?.siteName ?? "Knutepunkt"}`}</title>
      <Heading level={1} data-size="lg">
        {t("toolkit.reauth.title")}
      </Heading>
      <Alert data-color="info">
        <Paragraph>{t("toolkit.reauth.body")}</Paragraph>
      </Alert>
      {data.failed ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t("error.login_failed")}</Paragraph>
        </Alert>
      ) : null}
      {data.otherPerson ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t("toolkit.reauth.other_person")}</Paragraph>
        </Alert>
      ) : null}
      {data.rateLimited ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t("error.rate_limited")}</Paragraph>
        </Alert>
      ) : null}
      {/* A plain form: it posts back to the very URL the lost save went to. */}
      <form method="post" className="kp-stack" noValidate>
        <CsrfField />
        {data.values.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <TextField name="reauthEmail" type="email" autoComplete="username" label={t("field.email")} required />
        <TextField name="reauthPassword" type="password" autoComplete="current-password" label={t("field.password")} required />
        <Button type="submit">{t("toolkit.reauth.submit")}</Button>
      </form>
    </div>
  );
}

/** Error boundary of the toolkit's layouts: "log in again" keeps what was typed; anything else, the friendly error page. */
export function ToolkitErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && (error.data as ReauthData | undefined)?.reason === "reauth") {
    return <ReauthPage data={error.data as ReauthData} />;
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason = isRouteErrorResponse(error) ? (error.data as { reason?: string } | undefined)?.reason : undefined;
  return <ErrorPage status={status} reason={reason} />;
}

/** A status message after a redirect, shown when the URL has `?<param>=…` ("saved", "deleted", …). */
export function Flash({ param, children, color = "success", value }: { param: string; children: ReactNode; color?: "success" | "warning"; value?: string }) {
  const shown = new URLSearchParams(useLocation().search).get(param);
  if (shown === null || (value !== undefined && shown !== value)) return null;
  return (
    <Alert data-color={color} role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

/**
 * "Saved somewhere else while you wrote": the person's own text stays in the field below; the other
 * version is shown here (when there is one) and stays in the history if they keep theirs.
 */
export function ConflictNotice({ theirs, savedAt, headingLevel = 2 }: { theirs?: string | null; savedAt?: string | null; headingLevel?: 2 | 3 }) {
  const t = useT();
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={headingLevel} data-size="xs">
        {t("toolkit.conflict.title")}
      </Heading>
      <Paragraph>{t("toolkit.conflict.body")}</Paragraph>
      {savedAt ? <Paragraph data-size="sm">{t("toolkit.conflict.theirs", { when: t.date(savedAt, "datetime") })}</Paragraph> : null}
      {theirs ? (
        <Paragraph className="kp-answer" data-testid="conflict-theirs">
          {theirs}
        </Paragraph>
      ) : null}
    </Alert>
  );
}
