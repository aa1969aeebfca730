import type { Metadata } from "next";
import { ReviewsList } from "@/components/reviews/reviews-list";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage() {
  const principal = await requireSignedIn("/reviews");
  return (
    <>
      <PageHeader
        title="Post-hoc reviews"
        description="Hotfixes and window overrides open a review; it stays on the Overview until a release manager closes it with a comment."
      />
      <ReviewsList canClose={can(principal.role, "review.close")} />
    </>
  );
}
