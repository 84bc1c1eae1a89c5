import { Alert, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { useRouteLoaderData } from "react-router";
import { useT } from "~/i18n/use-t";
import type { RootData } from "~/root";

/**
 * The data controller from the configuration (CONTROLLER_*), null when it is not set, or undefined when the
 * root loader did not run (an error page the root middleware answered: the page cannot know).
 */
export function useController() {
  const data = useRouteLoaderData("root") as RootData | undefined;
  return data ? (data.controller ?? null) : undefined;
}

/**
 * The data controller's details, as the privacy statement promises: name, organisation number, address,
 * e-mail and data protection officer. The demo's example details say plainly that they are an example;
 * an installation that has not set them says so instead of leaving a blank.
 */
export function ControllerDetails() {
  const t = useT();
  const controller = useController();
  return (
    <section className="kp-stack" aria-labelledby="behandlingsansvarlig" data-testid="controller">
      <Heading level={2} data-size="sm" id="behandlingsansvarlig">
        {t("controller.heading")}
      </Heading>
      {!controller ? (
        <Paragraph>{t("controller.not_set")}</Paragraph>
      ) : (
        <>
          {controller.example ? (
            <Alert data-color="warning" data-testid="controller-example">
              <Paragraph>{t("controller.example")}</Paragraph>
            </Alert>
          ) : null}
          <Paragraph>
            <strong>{controller.name}</strong>
          </Paragraph>
          <dl className="kp-facts">
            {controller.orgNumber ? (
              <>
                <dt>{t("controller.org_number")}</dt>
                <dd>{controller.orgNumber}</dd>
              </>
            ) : null}
            {controller.address ? (
              <>
                <dt>{t("controller.address")}</dt>
                <dd>{controller.address}</dd>
              </>
            ) : null}
            <dt>{t("controller.email")}</dt>
            <dd>
              <Link href={`mailto:${controller.email}`}>{controller.email}</Link>
            </dd>
            {controller.dpo ? (
              <>
                <dt>{t("controller.dpo")}</dt>
                <dd>
                  {controller.dpo.name}
                  {controller.dpo.name && controller.dpo.email ? ", " : null}
                  {controller.dpo.email ? <Link href={`mailto:${controller.dpo.email}`}>{controller.dpo.email}</Link> : null}
                </dd>
              </>
            ) : null}
          </dl>
        </>
      )}
    </section>
  );
}

/** One line in the footer of every page: who is responsible, how to reach them, and where to read more. */
export function ControllerFooter() {
  const t = useT();
  const controller = useController();
  // Not known on an error page answered before the root loader ran: say nothing rather than "not set".
  if (controller === undefined) return null;
  return (
    <p className="kp-footer__controller" data-testid="footer-controller">
      {controller ? (
        <>
          {t("controller.footer", { name: controller.name })}
          {controller.orgNumber ? ` · ${t("controller.org_number")} ${controller.orgNumber}` : ""}
          {" · "}
          <Link href={`mailto:${controller.email}`}>{controller.email}</Link>
          {controller.example ? (
            <>
              <br />
              <strong>{t("controller.example")}</strong>
            </>
          ) : null}
        </>
      ) : (
        <>
          {t("controller.heading")}: {t("controller.not_set")}
        </>
      )}
    </p>
  );
}
