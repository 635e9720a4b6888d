import { redirect } from "next/navigation";

// The proxy sends "/" to the user's home; this is the fallback if it did not run.
export default function Index() {
  redirect("/login");
}
