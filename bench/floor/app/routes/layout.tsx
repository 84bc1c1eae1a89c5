import { Outlet } from "react-router";

export default function FloorLayout() {
  return <Outlet />;
}
