import { Form, useSearchParams } from "react-router";
import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { CsrfField } from "~/components/form";
import { useT } from "~/i18n/use-t";

/**
 * "Your address is not confirmed yet", with a button for a new link (POST /bekreft-e-post, which comes
 * back here with ?lenke=sendt or ?lenke=vent). Shown to a person whose address is unconfirmed.
 */
export function ConfirmNotice({ back }: { back: string }) {
  const t = useT();
  const [params] = useSearchParams();
  const link = params.get("lenke");
  return (
    <Alert data-color={link === "sendt" ? "success" : "warning"} role={link ? "status" : undefined}>
      <div className="kp-stack">
      <Paragraph>{link === "sendt" ? t("confirm.notice_sent") : link === "vent" ? t("confirm.notice_wait") : t("confirm.notice")}</Paragraph>
      {link === "sendt" ? null : (
        <Form method="post" action="/bekreft-e-post" reloadDocument>
          <CsrfField />
          <input type="hidden" name="back" value={back} />
          <Button type="submit" variant="secondary" data-size="sm">
            {t("confirm.resend")}
          </Button>
        </Form>
      )}
      </div>
    </Alert>
  );
}
