import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "react-router";

// The floor app's root: React Router's template, no middleware, no loader, no CSS (ADR 0020).
export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nb">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}
