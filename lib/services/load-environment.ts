// The environment a route names by slug, or a 404 that says where to find the slugs.
import { AppError } from "@/lib/api/app-error";
import { db, type Environment, type Prisma } from "@/lib/db";

export async function loadEnvironment({
  slug,
  client = db,
}: {
  slug: string;
  client?: Prisma.TransactionClient | typeof db;
}): Promise<Environment> {
  const environment = await client.environment.findUnique({ where: { slug } });
  if (!environment) throw new AppError("not_found", `There is no environment "${slug}". GET /api/v1/environments lists them.`);
  return environment;
}
