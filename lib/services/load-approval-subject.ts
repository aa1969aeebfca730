// The release and environment an approval route names, or the 404 / 422 that says which one is wrong.
import { AppError } from "@/lib/api/app-error";
import { db, type Environment, type Release } from "@/lib/db";

export type ApprovalSubject = { release: Release & { service: { slug: string; name: string } }; environment: Environment };

export async function loadApprovalSubject({
  releaseId,
  environment: slug,
}: {
  releaseId: string;
  environment: string;
}): Promise<ApprovalSubject> {
  const [release, environment] = await Promise.all([
    db.release.findUnique({ where: { id: releaseId }, include: { service: { select: { slug: true, name: true } } } }),
    db.environment.findUnique({ where: { slug } }),
  ]);
  if (!release) throw new AppError("not_found", `There is no release ${releaseId}.`);
  if (!environment) {
    throw new AppError("validation", `There is no environment "${slug}". Use a slug listed by GET /api/v1/environments.`, {
      fields: [{ path: "body.environment", message: "unknown environment" }],
    });
  }
  return { release, environment };
}
