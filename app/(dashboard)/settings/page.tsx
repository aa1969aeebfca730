import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export default async function SettingsPage() {
  await requireSignedIn("/settings");
  redirect("/settings/users");
}
