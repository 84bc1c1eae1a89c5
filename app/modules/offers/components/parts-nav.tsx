import { Paragraph } from "@digdir/designsystemet-react";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";

/** Links between an offer's editing pages: text, places, times, contact, history. */
export function PartsNav({ offerId, name, current }: { offerId: string; name: string; current: "text" | "places" | "times" | "contact" }) {
  const t = useT();
  const links = [
    { key: "text", to: `/tilbud/${offerId}/rediger`, label: t("offers.parts.text") },
    { key: "places", to: `/tilbud/${offerId}/steder`, label: t("offers.place.title") },
    { key: "times", to: `/tilbud/${offerId}/tider`, label: t("offers.schedule.title") },
    { key: "contact", to: `/tilbud/${offerId}/kontakt`, label: t("offers.contact.title") },
    { key: "history", to: `/tilbud/${offerId}/historikk`, label: t("offers.history.title") },
  ];
  return (
    <>
      <Paragraph>
        <AppLink to={`/tilbud/${offerId}`}>
          {t("offers.edit.back_to_offer")}: <span lang="nb">{name}</span>
        </AppLink>
      </Paragraph>
      <nav aria-label={t("offers.parts.nav")} className="kp-actions">
        {links.map((l) =>
          l.key === current ? (
            <span key={l.key} aria-current="page" className="kp-current">
              {l.label}
            </span>
          ) : (
            <AppLink key={l.key} to={l.to}>
              {l.label}
            </AppLink>
          ),
        )}
      </nav>
    </>
  );
}
