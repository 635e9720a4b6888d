// The API reference of /api/docs: Scalar's offline bundle reading our OpenAPI document. No fonts
// from Scalar's CDN (withDefaultFonts: false): the page works with no internet.
/* global Scalar */
Scalar.createApiReference("#app", {
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
});
