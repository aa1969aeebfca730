// Input of the service catalog routes (/api/v1/services). The slug is the service's name in release
// pipelines (POST /releases {service}), in targets' configuration and in the audit log, so it is fixed
// once created: renaming it would silently break every pipeline that records releases.
import { z } from "zod";
import { serviceAnalysisSchema } from "@/lib/domain/analysis/service-analysis";
import { alertRulesSchema } from "@/lib/domain/alerts/alert-rule";
import { sloObjectivesInputSchema } from "@/lib/domain/slo/slo-objectives";
import { archivedFilter, clearableText, storedText } from "./common";

/** 2–63 lowercase letters, digits and dashes, starting and ending with a letter or digit (a DNS label). */
export const SERVICE_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;

export const serviceSlugSchema = z
  .string()
  .trim()
  .regex(SERVICE_SLUG_PATTERN, "must be 2–63 lowercase letters, digits and dashes, starting and ending with a letter or digit");

const OWNER_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

function isRepository(value: string): boolean {
  if (OWNER_NAME.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "" && !value.includes(" ");
  } catch {
    return false;
  }
}

/** An https URL of the repository, or its owner/name on the code host. */
export const repositorySchema = storedText({ max: 300 }).refine(isRepository, "must be an https URL or owner/name (e.g. acme/billing)");

const name = storedText({ min: 1, max: 120 });
const owner = storedText({ max: 120 });
const description = storedText({ max: 2000 });

export const createServiceBody = z
  .object({
    slug: serviceSlugSchema,
    name,
    repository: clearableText(repositorySchema).optional(),
    owner: clearableText(owner).optional(),
    description: clearableText(description).optional(),
  })
  .strict();
export type CreateServiceInput = z.infer<typeof createServiceBody>;

export const updateServiceBody = z
  .object({
    slug: z.never({ message: "cannot be changed: pipelines, targets and the audit log refer to the service by it" }).optional(),
    name: name.optional(),
    repository: clearableText(repositorySchema).optional(),
    owner: clearableText(owner).optional(),
    description: clearableText(description).optional(),
    /** The whole analysis configuration, replaced as one value; absent fields take the documents' defaults. */
    analysis: serviceAnalysisSchema.optional(),
    /** The SLO objectives, replaced as one value. */
    slos: sloObjectivesInputSchema.optional(),
    /** The threshold alert rules, replaced as one list (an empty list turns every threshold alert off). */
    alertRules: alertRulesSchema.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "send at least one of name, repository, owner, description, analysis, slos, alertRules",
  });
export type UpdateServiceInput = z.infer<typeof updateServiceBody>;

export const listServicesQuery = z.object({ archived: archivedFilter.default("false") });
export type ListServicesQuery = z.infer<typeof listServicesQuery>;
