import type { ReactNode } from "react";
import { Form, NavLink, useLocation, useRouteLoaderData } from "react-router";
import { Button, Link, SkipLink } from "@digdir/designsystemet-react";
import { useT } from "~/i18n/use-t";
import { languages, type Lang } from "~/i18n/i18n";
import type { RootData } from "~/root";
import { CsrfField } from "./form";

const languageNames: Record<Lang, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

/** Header with name, language switch and login; skip link; main navigation; footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const location = useLocation();
  const user = data?.user;
  const siteName = data?.siteName ?? "Knutepunkt";
  const centreLine = user?.centres.length ? user.centres.map((c) => c.name).join(", ") : t("shell.tagline");

  const langHref = (lang: Lang) => {
    const params = new URLSearchParams(location.search);
    params.set("lang", lang);
    return `${location.pathname}?${params.toString()}`;
  };

  const isCoordinator = user?.centres.some((c) => c.roles.includes("coordinator"));
  // The toolkit pages run without React on the client: links to them load the whole page.
  const nav: { to: string; label: string; end?: boolean; reload?: boolean }[] = [
    { to: "/", label: t("nav.home"), end: true },
    { to: "/tilbud", label: t("nav.offers") },
    { to: "/sentre", label: t("nav.centres") },
    ...(user ? [{ to: "/min-side", label: t("nav.my_page") }] : []),
    ...(user ? [{ to: "/verktoy", label: t("toolkit.title"), reload: true }] : []),
    ...(isCoordinator && !user?.isAdmin ? [{ to: `/sentre/${user!.centres.find((c) => c.roles.includes("coordinator"))!.id}/medlemmer`, label: t("nav.members") }] : []),
    ...(user?.isAdmin ? [{ to: "/admin", label: t("nav.admin") }] : []),
  ];

  return (
    <>
      <SkipLink href="#main">{t("shell.skip_to_main")}</SkipLink>
      <header className="kp-header">
        <div className="kp-container kp-header__bar">
          <a href="/" className="kp-brand">
            {siteName}
            <small>{centreLine}</small>
          </a>
          <div className="kp-header__tools">
            <nav aria-label={t("shell.language")}>
              <ul className="kp-lang">
                {languages.map((lang) => (
                  <li key={lang}>
                    <Link
                      href={langHref(lang)}
                      lang={lang}
                      hrefLang={lang}
                      aria-current={lang === t.lang ? "true" : undefined}
                      data-lang-switch={lang}
                    >
                      {languageNames[lang]}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            {user ? (
              <Form method="post" action="/logg-ut" className="kp-inline-form">
                <CsrfField />
                <span className="kp-muted">{t("shell.logged_in_as", { name: user.name })} </span>
                <Button type="submit" variant="secondary" data-size="sm">
                  {t("shell.log_out")}
                </Button>
              </Form>
            ) : (
              <Link href="/logg-inn">{t("shell.log_in")}</Link>
            )}
          </div>
        </div>
        <nav className="kp-container kp-nav" aria-label={t("shell.main_nav")}>
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} reloadDocument={item.reload} className="ds-link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="kp-container kp-main">
        {children}
      </main>
      <footer className="kp-footer">
        <div className="kp-container">
          <ul>
            <li>
              <Link href="/personvern">{t("footer.privacy")}</Link>
            </li>
            <li>
              <Link href="/tilgjengelighet">{t("footer.accessibility")}</Link>
            </li>
            <li>
              <Link href="/sentre">{t("footer.contact")}</Link>
            </li>
          </ul>
          <p className="kp-muted">{t("footer.about", { site: siteName })}</p>
        </div>
      </footer>
    </>
  );
}
