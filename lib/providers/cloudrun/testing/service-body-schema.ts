// The Service a client sends to createService/updateService, validated at the server's boundary. Only the
// fields the test server acts on are typed; the rest of the v2 Service passes through and is echoed back.
import { z } from "zod";
import { GoogleApiError } from "./google-api-error";

const envVarSchema = z.looseObject({ name: z.string().min(1, "must not be empty"), value: z.string().optional() });

const containerSchema = z.looseObject({
  name: z.string().optional(),
  image: z.string().min(1, "is required"),
  env: z.array(envVarSchema).optional(),
  ports: z.array(z.looseObject({ name: z.string().optional(), containerPort: z.number().int().min(0).max(65535).optional() })).optional(),
});

const templateSchema = z.looseObject({
  revision: z.string().optional(),
  containers: z
    .array(containerSchema)
    .min(1, "a revision template needs a container")
    .max(1, "the test server runs one container per revision"),
});

const trafficTargetSchema = z.looseObject({
  // An integer with enum-encoding=int, the enum's name otherwise; resolved by toTrafficType.
  type: z.union([z.number().int(), z.string()]).optional(),
  revision: z.string().optional(),
  percent: z.number().int().min(0).max(100).optional(),
  tag: z.string().optional(),
});

export const serviceBodySchema = z.looseObject({
  name: z.string().optional(),
  description: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  template: templateSchema,
  traffic: z.array(trafficTargetSchema).optional(),
  etag: z.string().optional(),
});

export type ServiceBody = z.infer<typeof serviceBodySchema>;
export type TemplateBody = ServiceBody["template"];

/** Parses a request body as a v2 Service; INVALID_ARGUMENT naming each bad field (google.rpc.BadRequest) otherwise. */
export function parseServiceBody(body: unknown): ServiceBody {
  const parsed = serviceBodySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const violations = parsed.error.issues.map((issue) => ({
    field: ["service", ...issue.path]
      .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
      .join("")
      .slice(1),
    description: issue.message,
  }));
  const fields = violations.map((v) => `${v.field}: ${v.description}`).join("; ");
  throw new GoogleApiError("INVALID_ARGUMENT", `Invalid service: ${fields}`, [
    { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: violations },
  ]);
}
