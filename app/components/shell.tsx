import { useEffect, useRef, type ReactNode } from "react";
import { Form, NavLink, useLocation, useRouteLoaderData } from "react-router";
import { Button, Link, SkipLink } from "@digdir/designsystemet-react";
import { useT } from "~/i18n/use-t";
import { languages, type Lang } from "~/i18n/i18n";
import type { RootData } from "~/root";
import { CsrfField } from "./form";
import { ControllerFooter } from "./controller";
import { isActivePath, useServerOnlyPage } from "./app-link";

const languageNames: Record<Lang, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

type NavItem = { to: string; label: string; end?: boolean; reload?: boolean };

/** On a page that never hydrates, the same `<a>` as React Router's `<NavLink>` writes, without it (ADR 0023). */
function NavList({ items, pathname, serverOnly }: { items: NavItem[]; pathname: string; serverOnly: boolean }) {
  return (
    <ul>
      {items.map((item) => {
        const active = serverOnly && isActivePath(pathname, item.to, item.end);
        return (
          <li key={item.to}>
            {serverOnly ? (
              <a aria-current={active ? "page" : undefined} className={active ? "ds-link active" : "ds-link"} href={item.to} data-discover="true">
                {item.label}
              </a>
            ) : (
              <NavLink to={item.to} end={item.end} reloadDocument={item.reload} className="ds-link">
                {item.label}
              </NavLink>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The log-out form: React Router's `<Form>`, or on a page that never hydrates the same `<form>` without it. */
function LogOutForm({ serverOnly, children }: { serverOnly: boolean; children: ReactNode }) {
  return serverOnly ? (
    <form method="post" action="/logg-ut" className="kp-inline-form" data-discover="true">
      {children}
    </form>
  ) : (
    <Form method="post" action="/logg-ut" className="kp-inline-form">
      {children}
    </Form>
  );
}

/**
 * Header with name, language switch and login; skip link; main navigation; footer.
 *
 * On a phone (under 48rem) the header is two short rows: the name and log in/out, then a "Meny" button
 * and the languages. The menu is a native <details> disclosure, so it opens and its links work without
 * JavaScript (the toolkit's pages load none); wider screens show the menu as a row of links instead.
 * Only one of the two is displayed at a width, so assistive technology meets one main menu.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const location = useLocation();
  const serverOnly = useServerOnlyPage();
  const user = data?.user;
  const siteName = data?.siteName ?? "Knutepunkt";
  const centreLine = user?.centres.length ? user.centres.map((c) => c.name).join(", ") : t("shell.tagline");

  // With JavaScript, the open menu also closes on Escape (focus back on its button) and on a click outside it.
  const menuRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const menu = menuRef.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent && event.key === "Escape") {
        menu.open = false;
        menu.querySelector("summary")?.focus();
      } else if (event.type === "click" && !menu.contains(event.target as Node)) {
        menu.open = false;
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("click", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("click", close);
    };
  }, []);

  const langHref = (lang: Lang) => {
    const params = new URLSearchParams(location.search);
    params.set("lang", lang);
    return `${location.pathname}?${params.toString()}`;
  };

  const coordinatorOf = user?.centres.find((c) => c.roles.includes("coordinator"));
  // Peer workers read what participants share with them at /delt-med-meg (issue 11, items 4 and 15).
  const isPeerWorker = user?.centres.some((c) => c.roles.includes("peer_worker"));
  // The toolkit pages (and what is shared from them) run without React on the client: links to them load the whole page.
  const nav: NavItem[] = [
    { to: "/", label: t("nav.home"), end: true },
    { to: "/tilbud", label: t("nav.offers") },
    { to: "/sentre", label: t("nav.centres") },
    ...(user ? [{ to: "/min-side", label: t("nav.my_page") }] : []),
    ...(user ? [{ to: "/verktoy", label: t("toolkit.title"), reload: true }] : []),
    ...(isPeerWorker ? [{ to: "/delt-med-meg", label: t("my.shared_with_me"), reload: true }] : []),
    ...(coordinatorOf && !user?.isAdmin ? [{ to: `/sentre/${coordinatorOf.id}/medlemmer`, label: t("nav.members") }] : []),
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
          <div className="kp-header__account">
            {user ? (
              <LogOutForm serverOnly={serverOnly}>
                <CsrfField />
                <span className="kp-muted kp-header__who">{t("shell.logged_in_as", { name: user.name })} </span>
                <Button type="submit" variant="secondary" data-size="sm">
                  {t("shell.log_out")}
                </Button>
              </LogOutForm>
            ) : (
              <Link href="/logg-inn">{t("shell.log_in")}</Link>
            )}
          </div>
          {/* A new page closes the menu (the key changes on client-side navigation too). */}
          <details className="kp-menu" key={location.pathname + location.search} data-testid="menu" ref={menuRef}>
            <summary className="ds-button kp-menu__button" data-variant="secondary" data-size="sm">
              {t("shell.menu")}
            </summary>
            <nav className="kp-menu__panel" aria-label={t("shell.main_nav")}>
              {user ? <p className="kp-muted kp-menu__who">{t("shell.logged_in_as", { name: user.name })}</p> : null}
              <NavList items={nav} pathname={location.pathname} serverOnly={serverOnly} />
            </nav>
          </details>
          <nav aria-label={t("shell.language")} className="kp-header__lang">
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
        </div>
        <nav className="kp-container kp-nav" aria-label={t("shell.main_nav")}>
          <NavList items={nav} pathname={location.pathname} serverOnly={serverOnly} />
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
          <ControllerFooter />
          <p className="kp-muted">{t("footer.about", { site: siteName })}</p>
        </div>
      </footer>
    </>
  );
}
