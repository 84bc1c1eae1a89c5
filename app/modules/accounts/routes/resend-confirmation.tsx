import { redirect } from "react-router";
import type { Route } from "./+types/resend-confirmation";
import { getServices } from "~/lib/services.server";
import { afterResponse, getRequestState, requireUser } from "~/lib/request.server";
import { limitKey } from "~/lib/route-helpers.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { hit, limits } from "~/modules/platform/rate-limit.server";
import { sendVerificationMail } from "../accounts.server";

export const handle = { hydrate: false };

/** Nothing to show here: the form that posts to this lives on Min side and on the invitation page. */
export function loader() {
  throw redirect("/min-side");
}

/** A new link that confirms the logged-in person's address (earlier links stop working). */
export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { db, mailer, config } = getServices();
  const state = getRequestState(context);
  const formData = await request.formData();
  const back = formData.get("back");
  const target = safeRedirect(typeof back === "string" ? back : null, "/min-side");
  if (user.emailVerified) return redirect(target);
  if (!(await hit(db, limitKey("verify-account", user.id), limits.verifyPerAccount))) return redirect(withLink(target, "vent"));
  const mail = { publicUrl: config.publicUrl, lang: state.lang, siteName: config.siteName };
  afterResponse(context, "verify.mail", () => sendVerificationMail(db, mailer, user.id, mail));
  return redirect(withLink(target, "sendt"));
}

/** The page to go back to, telling it what happened (?lenke=sendt or ?lenke=vent). */
function withLink(target: string, outcome: "sendt" | "vent") {
  const url = new URL(target, "http://knutepunkt.invalid");
  url.searchParams.set("lenke", outcome);
  return url.pathname + url.search + url.hash;
}
