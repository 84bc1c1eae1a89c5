import type { Route } from "./+types/privacy";
import { privacyStatement } from "../content/privacy";
import { StatementPage } from "../components/statement-page";
import { ControllerDetails } from "~/components/controller";
import { useLang } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "footer.privacy");

export default function Privacy() {
  // The controller's details close the statement, as its first section promises (and the footer repeats them).
  return (
    <StatementPage statement={privacyStatement[useLang()]}>
      <ControllerDetails />
    </StatementPage>
  );
}
