import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

// Every URL, by hand: Norwegian URLs, English file names.
export default [
  index("modules/pages/routes/home.tsx"),
  route("personvern", "modules/pages/routes/privacy.tsx"),
  route("tilgjengelighet", "modules/pages/routes/accessibility.tsx"),

  route("registrer", "modules/accounts/routes/sign-up.tsx"),
  route("logg-inn", "modules/accounts/routes/log-in.tsx"),
  route("logg-ut", "modules/accounts/routes/log-out.tsx"),
  route("glemt-passord", "modules/accounts/routes/forgot-password.tsx"),
  route("nytt-passord/:token", "modules/accounts/routes/reset-password.tsx"),
  route("bekreft-e-post", "modules/accounts/routes/resend-confirmation.tsx"),
  route("bekreft-e-post/:token", "modules/accounts/routes/confirm-email.tsx"),
  route("min-side", "modules/accounts/routes/my-page.tsx"),
  route("min-side/passord", "modules/accounts/routes/change-password.tsx"),
  route("min-side/slett", "modules/accounts/routes/delete-account.tsx"),
  route("min-side/innsyn", "modules/audit/routes/my-access-log.tsx"),

  // Verktøykasse: the participant's own toolkit (server-rendered only; see the layout).
  layout("modules/toolkit/routes/layout.tsx", [
    route("verktoy", "modules/toolkit/routes/home.tsx"),
    route("verktoy/samtykke", "modules/toolkit/routes/consent.tsx"),
    route("verktoy/kort", "modules/toolkit/routes/cards.tsx"),
    route("verktoy/kort/:cardId", "modules/toolkit/routes/card.tsx"),
    route("verktoy/kort/:cardId/samtale", "modules/toolkit/routes/conversation.tsx"),
    route("verktoy/verdier", "modules/toolkit/routes/values.tsx"),
    route("verktoy/verdier/refleksjon", "modules/toolkit/routes/value-reflection.tsx"),
    route("verktoy/verdier/:sortId/sorter", "modules/toolkit/routes/values-sort.tsx"),
    route("verktoy/verdier/:sortId/velg", "modules/toolkit/routes/values-choose.tsx"),
    route("verktoy/verdier/:sortId/ranger", "modules/toolkit/routes/values-rank.tsx"),
    route("verktoy/drommen", "modules/toolkit/routes/dream.tsx"),
    route("verktoy/sjekk", "modules/toolkit/routes/check-ins.tsx"),
    route("verktoy/sjekk/:packId", "modules/toolkit/routes/check-in.tsx"),
    route("verktoy/stadier", "modules/toolkit/routes/stages.tsx"),
    route("verktoy/mappe", "modules/toolkit/routes/folder.tsx"),
    route("verktoy/deling", "modules/toolkit/routes/sharing.tsx"),
    route("verktoy/data", "modules/toolkit/routes/data.tsx"),
  ]),
  route("verktoy/mappe/pdf", "modules/toolkit/routes/folder-pdf.ts"),
  route("verktoy/eksport", "modules/toolkit/routes/export.ts"),
  route("laas", "modules/toolkit/routes/lock.tsx"),
  layout("modules/toolkit/routes/peer-layout.tsx", [
    route("delt-med-meg", "modules/toolkit/routes/shared-with-me.tsx"),
    route("delt-med-meg/:shareId", "modules/toolkit/routes/shared-item.tsx"),
  ]),

  route("tilbud", "modules/offers/routes/offer-search.tsx"),
  route("tilbud/kontroll", "modules/offers/routes/unchecked-offers.tsx"),
  route("tilbud/mine", "modules/offers/routes/centre-offers.tsx"),
  route("tilbud/eksport", "modules/offers/routes/export.tsx"),
  route("tilbud/import", "modules/offers/routes/import.tsx"),
  route("tilbud/import/:importId", "modules/offers/routes/import-preview.tsx"),
  route("tilbud/kart", "modules/offers/routes/offer-map.tsx"),
  route("tilbud/organisasjoner", "modules/offers/routes/organizations.tsx"),
  route("tilbud/organisasjoner/ny", "modules/offers/routes/new-organization.tsx"),
  route("tilbud/organisasjoner/:organizationId", "modules/offers/routes/edit-organization.tsx"),
  route("tilbud/ny", "modules/offers/routes/new-offer.tsx"),
  route("tilbud/:offerId", "modules/offers/routes/offer.tsx"),
  route("tilbud/:offerId/rediger", "modules/offers/routes/edit-offer.tsx"),
  route("tilbud/:offerId/historikk", "modules/offers/routes/offer-history.tsx"),
  route("tilbud/:offerId/steder", "modules/offers/routes/offer-places.tsx"),
  route("tilbud/:offerId/steder/:placeId", "modules/offers/routes/edit-place.tsx"),
  route("tilbud/:offerId/tider", "modules/offers/routes/offer-schedules.tsx"),
  route("tilbud/:offerId/kontakt", "modules/offers/routes/offer-contact.tsx"),

  // Open Referral HSDS 3.0 read API (public, JSON, CORS open for GET).
  route("api/hsds", "modules/offers/routes/api/root.tsx"),
  route("api/hsds/profile", "modules/offers/routes/api/profile.tsx"),
  route("api/hsds/openapi.json", "modules/offers/routes/api/openapi.tsx"),
  route("api/hsds/services/:id?", "modules/offers/routes/api/services.tsx"),
  route("api/hsds/organizations/:id?", "modules/offers/routes/api/organizations.tsx"),
  route("api/hsds/service_at_locations/:id?", "modules/offers/routes/api/service-at-locations.tsx"),
  route("api/hsds/taxonomies/:id?", "modules/offers/routes/api/taxonomies.tsx"),
  route("api/hsds/taxonomy_terms/:id?", "modules/offers/routes/api/taxonomy-terms.tsx"),
  // Anything else under /api/hsds: a JSON 404, as an API client expects (not the HTML page).
  route("api/hsds/*", "modules/offers/routes/api/not-found.tsx"),

  route("sentre", "modules/centres/routes/centre-list.tsx"),
  route("sentre/:centreId", "modules/centres/routes/centre.tsx"),
  route("sentre/:centreId/rediger", "modules/centres/routes/edit-centre.tsx"),
  route("sentre/:centreId/medlemmer", "modules/centres/routes/members.tsx"),
  route("sentre/:centreId/sjekker", "modules/toolkit/routes/centre-instruments.tsx"),
  route("invitasjon/:token", "modules/centres/routes/invitation.tsx"),

  route("admin", "modules/centres/routes/admin.tsx"),
  route("admin/sentre/ny", "modules/centres/routes/new-centre.tsx"),
  route("admin/utboks", "modules/platform/routes/outbox.tsx"),

  // Bruker Spør Bruker (issue 13; docs/evaluations-design.md). Server-rendered only. Each area's routes in its own block.
  // -- evaluations: projects, team, guide, recruitment --
  route("evalueringer", "modules/evaluations/routes/projects.tsx"),
  route("evalueringer/ny", "modules/evaluations/routes/new-project.tsx"),
  route("evalueringer/:projectId", "modules/evaluations/routes/project.tsx"),
  route("evalueringer/:projectId/rediger", "modules/evaluations/routes/edit-project.tsx"),
  route("evalueringer/:projectId/team", "modules/evaluations/routes/team.tsx"),
  route("evalueringer/:projectId/temaguide", "modules/evaluations/routes/guide.tsx"),
  route("evalueringer/:projectId/temaguide/:version", "modules/evaluations/routes/guide.tsx", { id: "evaluations-guide-version" }),
  route("evalueringer/:projectId/rekruttering", "modules/evaluations/routes/recruitment.tsx"),
  // -- end projects --
  // -- evaluations: sessions, analysis, codes --
  route("evalueringer/:projectId/intervju", "modules/evaluations/routes/sessions.tsx"),
  route("evalueringer/:projectId/intervju/ny", "modules/evaluations/routes/new-session.tsx"),
  route("evalueringer/:projectId/intervju/:sessionId", "modules/evaluations/routes/session.tsx"),
  route("evalueringer/:projectId/analyse", "modules/evaluations/routes/analysis.tsx"),
  route("evalueringer/:projectId/analyse/:sessionId", "modules/evaluations/routes/session-analysis.tsx"),
  route("evalueringer/:projectId/koder", "modules/evaluations/routes/codes.tsx"),
  // -- end sessions --
  // -- evaluations: reports, public reports, export --
  route("evalueringer/rapporter", "modules/evaluations/routes/public-reports.tsx"),
  route("evalueringer/rapporter/:reportId", "modules/evaluations/routes/public-report.tsx"),
  route("evalueringer/:projectId/prosessrapport", "modules/evaluations/routes/report.tsx", { id: "evaluations-process-report" }),
  route("evalueringer/:projectId/sluttrapport", "modules/evaluations/routes/report.tsx", { id: "evaluations-final-report" }),
  route("evalueringer/:projectId/prosessrapport/pdf", "modules/evaluations/routes/report-pdf.ts", { id: "evaluations-process-report-pdf" }),
  route("evalueringer/:projectId/sluttrapport/pdf", "modules/evaluations/routes/report-pdf.ts", { id: "evaluations-final-report-pdf" }),
  route("evalueringer/rapporter/:reportId/pdf", "modules/evaluations/routes/report-pdf.ts", { id: "evaluations-public-report-pdf" }),
  // -- end reports --
  // -- evaluations: archive export and import --
  route("evalueringer/importer", "modules/evaluations/routes/import.tsx"),
  route("evalueringer/:projectId/eksport", "modules/evaluations/routes/export.ts"),
  // -- end archive --
  // Deleting a project (ADR 0027).
  route("evalueringer/:projectId/slett", "modules/evaluations/routes/delete-project.tsx"),

  route("*", "modules/pages/routes/not-found.tsx"),
] satisfies RouteConfig;
