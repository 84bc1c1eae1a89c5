import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { runCapturedSql } from "../sql.server";

/** The floor plus the same SQL: runs, one after another, the statements the bench captured from a page. */
export async function loader({ params }: LoaderFunctionArgs) {
  const rows = await runCapturedSql(params.set ?? "");
  return { title: "Gulv med SQL", rows };
}

export default function FloorSqlPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{data.title}</h1>
      <p>{data.rows}</p>
    </main>
  );
}
