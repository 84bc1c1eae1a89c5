import { useLoaderData } from "react-router";

const page = { title: "Gulv", lines: ["Et tilbud", "Et annet tilbud", "Et tredje tilbud"] } as const;

/** The constant loader: what a page costs when its own work is nothing. */
export function loader() {
  return page;
}

export function meta() {
  return [{ title: page.title }];
}

export default function FloorPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{data.title}</h1>
      <ul>
        {data.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </main>
  );
}
