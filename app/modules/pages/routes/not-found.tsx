import { data } from "react-router";

export const handle = { hydrate: false };

/** Any unknown URL: the friendly 404 page from the root error boundary. */
export function loader() {
  throw data({ reason: "not_found" }, { status: 404 });
}

export function action() {
  throw data({ reason: "not_found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
