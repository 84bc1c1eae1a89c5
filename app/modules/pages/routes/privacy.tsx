import type { Route } from "./+types/privacy";
import { privacyStatement } from "../content/privacy";
import { StatementPage } from "../components/statement-page";
import { useLang } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "footer.privacy");

export default function Privacy() {
  return <StatementPage statement={privacyStatement[useLang()]} />;
}
