/**
 * The interactive offers map (Leaflet). Browser only (`.client`), and loaded only by /tilbud/kart through a
 * dynamic import, so Leaflet's JavaScript and CSS never reach any other page. Nothing else depends on it:
 * the page around it is complete without it (ADR 0014).
 */
import "leaflet/dist/leaflet.css";
import "./leaflet-map.css";
import * as L from "leaflet";
import iconUrl from "leaflet/dist/images/marker-icon.png";
import iconRetinaUrl from "leaflet/dist/images/marker-icon-2x.png";
import shadowUrl from "leaflet/dist/images/marker-shadow.png";

export type MapPlace = { lat: number; lon: number; place: string; offers: { id: string; name: string }[] };

export type MapOptions = {
  tilesUrl: string;
  attribution: string;
  places: MapPlace[];
  labels: { zoomIn: string; zoomOut: string; close: string; marker: (place: MapPlace) => string };
  /** Follow a link inside the app (client-side navigation); plain links work without it. */
  navigate?: (href: string) => void;
};

const markerIcon = L.icon({ iconUrl, iconRetinaUrl, shadowUrl, iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], shadowSize: [41, 41] });

/** Plain text into Leaflet's HTML attribution. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function popupContent(place: MapPlace, navigate: MapOptions["navigate"]): HTMLElement {
  const box = document.createElement("div");
  box.className = "kp-map-popup";
  const heading = document.createElement("p");
  heading.className = "kp-map-popup__place";
  heading.textContent = place.place;
  const list = document.createElement("ul");
  for (const offer of place.offers) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `/tilbud/${offer.id}`;
    link.textContent = offer.name;
    link.lang = "nb"; // offers are written in Norwegian, as on the list
    if (navigate) {
      link.addEventListener("click", (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(link.getAttribute("href")!);
      });
    }
    item.append(link);
    list.append(item);
  }
  box.append(heading, list);
  return box;
}

/** Draw the map into `container`; returns the clean-up. */
export function mountMap(container: HTMLElement, options: MapOptions): () => void {
  const map = L.map(container, { zoomControl: false, attributionControl: false, scrollWheelZoom: false, keyboard: true });
  L.control.zoom({ zoomInTitle: options.labels.zoomIn, zoomOutTitle: options.labels.zoomOut }).addTo(map);
  L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
  // Tiles get only our origin as Referer, never the page (its URL carries the search).
  L.tileLayer(options.tilesUrl, { attribution: escapeHtml(options.attribution), maxZoom: 18, referrerPolicy: "strict-origin" }).addTo(map);

  const markers = options.places.map((place) =>
    L.marker([place.lat, place.lon], { icon: markerIcon, alt: options.labels.marker(place), title: options.labels.marker(place), keyboard: true })
      .bindPopup(() => popupContent(place, options.navigate), { closeOnEscapeKey: true })
      .addTo(map),
  );
  if (markers.length > 0) {
    map.fitBounds(L.latLngBounds(options.places.map((p) => [p.lat, p.lon] as [number, number])), { padding: [32, 32], maxZoom: 13 });
  } else {
    map.setView([64.5, 12], 4); // all of Norway
  }

  // Keyboard: a popup opened from a marker takes the focus to its first link; Escape (anywhere in the map)
  // closes it and gives the focus back to the marker. The close button gets a label in the page's language.
  let opener: HTMLElement | undefined;
  map.on("popupopen", (event) => {
    const popup = (event as L.PopupEvent).popup;
    const element = popup.getElement();
    const close = element?.querySelector<HTMLElement>(".leaflet-popup-close-button");
    close?.setAttribute("aria-label", options.labels.close);
    close?.setAttribute("title", options.labels.close);
    const source = (popup as unknown as { _source?: L.Marker })._source;
    opener = source?.getElement();
    element?.querySelector<HTMLElement>("a[href^='/tilbud/']")?.focus({ preventScroll: true });
  });
  map.on("popupclose", (event) => {
    // Only when the focus was in the popup (keyboard): a click elsewhere on the map keeps its own focus.
    const inPopup = (event as L.PopupEvent).popup.getElement()?.contains(document.activeElement);
    if (opener && inPopup) opener.focus({ preventScroll: true });
    opener = undefined;
  });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && map.getContainer().querySelector(".leaflet-popup")) {
      event.preventDefault();
      map.closePopup();
    }
  };
  container.addEventListener("keydown", onKeyDown);
  // The wheel scrolls the page until the map is chosen (clicked or focused); then it zooms.
  const onFocusIn = () => map.scrollWheelZoom.enable();
  const onFocusOut = (event: FocusEvent) => {
    if (!container.contains(event.relatedTarget as Node | null)) map.scrollWheelZoom.disable();
  };
  container.addEventListener("focusin", onFocusIn);
  container.addEventListener("focusout", onFocusOut);

  return () => {
    container.removeEventListener("keydown", onKeyDown);
    container.removeEventListener("focusin", onFocusIn);
    container.removeEventListener("focusout", onFocusOut);
    map.remove();
  };
}
