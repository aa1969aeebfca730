import type { Metadata } from "next";
import { ReleaseView } from "@/components/releases/release-view";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Release" };

export default async function ReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requireSignedIn(`/releases/${id}`);
  // Who is looking; the release API says per environment what they may do, and checks it again when they do.
  return <ReleaseView id={id} viewer={{ userId: principal.userId, email: principal.email }} />;
}
