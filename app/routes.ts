import { type RouteConfig, index, route } from "@react-router/dev/routes";

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
  route("min-side", "modules/accounts/routes/my-page.tsx"),
  route("min-side/passord", "modules/accounts/routes/change-password.tsx"),
  route("min-side/slett", "modules/accounts/routes/delete-account.tsx"),
  route("min-side/innsyn", "modules/audit/routes/my-access-log.tsx"),

  route("tilbud", "modules/offers/routes/offer-search.tsx"),
  route("tilbud/kontroll", "modules/offers/routes/unchecked-offers.tsx"),
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

  route("sentre", "modules/centres/routes/centre-list.tsx"),
  route("sentre/:centreId", "modules/centres/routes/centre.tsx"),
  route("sentre/:centreId/rediger", "modules/centres/routes/edit-centre.tsx"),
  route("sentre/:centreId/medlemmer", "modules/centres/routes/members.tsx"),
  route("invitasjon/:token", "modules/centres/routes/invitation.tsx"),

  route("admin", "modules/centres/routes/admin.tsx"),
  route("admin/sentre/ny", "modules/centres/routes/new-centre.tsx"),
  route("admin/utboks", "modules/platform/routes/outbox.tsx"),

  route("*", "modules/pages/routes/not-found.tsx"),
] satisfies RouteConfig;
