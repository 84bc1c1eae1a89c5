import { translate, type Lang } from "~/i18n/i18n";

/**
 * Resource routes (a report's PDF, a project archive) have no error boundary: a refusal thrown by `guard` or
 * `notFound` (React Router's `data(…, { status })`) would reach the person as a bare JSON body. A download
 * link is followed by a browser like any link, so the refusal is the same friendly page as elsewhere: the
 * 403 or 404 page in the person's language, written without the app (as the 413 and 503 pages are), with no
 * script and a CSP that allows none. Anything else thrown (a redirect to log-in, a real error) goes on as it was.
 */
export async function refusalAsPage(lang: Lang, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    const status = refusalStatus(error);
    if (status === undefined) throw error;
    return new Response(refusalPage(lang, status), {
      status,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  }
}

/** 403 or 404 when the thrown value is React Router's `data(…)` with that status; undefined otherwise. */
function refusalStatus(thrown: unknown): 403 | 404 | undefined {
  if (typeof thrown !== "object" || thrown === null || (thrown as { type?: unknown }).type !== "DataWithResponseInit") return undefined;
  const status = (thrown as { init?: { status?: unknown } }).init?.status;
  return status === 403 || status === 404 ? status : undefined;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalPage(lang: Lang, status: 403 | 404): string {
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => escapeHtml(translate(lang, key, values));
  const title = t(`error_page.${status}.title`);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1e2b3c;line-height:1.5}main{max-width:36rem;margin:0 auto;padding:2rem 1rem}h1{font-size:1.75rem;line-height:1.25}a{color:#0062ba}.code{color:#4b5a6d}</style>
</head><body><main data-status="${status}"><h1>${title}</h1><p>${t(`error_page.${status}.body`)}</p><p><a href="/">${t("error_page.home")}</a></p><p class="code">${t("error_page.code", { status })}</p></main></body></html>`;
}
