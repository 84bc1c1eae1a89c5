import type { Route } from "./+types/accessibility";
import { accessibilityStatement } from "../content/accessibility";
import { StatementPage } from "../components/statement-page";
import { useLang } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "footer.accessibility");

export default function Accessibility() {
  return <StatementPage statement={accessibilityStatement[useLang()]} />;
}
