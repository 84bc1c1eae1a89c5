import { redirect } from "react-router";
import { Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/lock";
import { getServices } from "~/lib/services.server";
import { clearSessionCookie, getRequestState } from "~/lib/request.server";
import { endSession } from "~/modules/accounts/accounts.server";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

/** "Lock now" on a shared device: the session ends, and the page says nothing of what was on screen. */
export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "toolkit.lock.title");

export function loader({ context }: Route.LoaderArgs) {
  // Someone still logged in who opens /laas sees the lock page too, but stays logged in until they lock.
  return { loggedIn: Boolean(getRequestState(context).user) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, cookies } = getServices();
  const token = (await cookies.session.parse(request.headers.get("Cookie"))) as string | null;
  if (token) await endSession(db, token);
  await clearSessionCookie(context);
  return redirect("/laas");
}

export default function Lock() {
  const t = useT();
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("toolkit.lock.title")}
      </Heading>
      <Paragraph>{t("toolkit.lock.body")}</Paragraph>
      <Paragraph>
        <Link href="/logg-inn?redirectTo=%2Fverktoy">{t("toolkit.lock.log_in_again")}</Link>
      </Paragraph>
    </div>
  );
}
