// A Google service-account key JSON as a target's credentials: validated at the boundary (when an admin
// stores it and whenever a provider reads it), so a pasted file of the wrong kind is refused by name.
import { z } from "zod";
import { AppError } from "@/lib/api/app-error";

export const serviceAccountKeySchema = z.looseObject({
  type: z.literal("service_account", { message: 'must be "service_account" (a service-account key JSON)' }),
  project_id: z.string().min(1).optional(),
  private_key_id: z.string().min(1),
  private_key: z.string().includes("PRIVATE KEY", { message: "must be a PEM private key" }),
  client_email: z.email(),
  /** Where the JWT-bearer grant goes: Google's endpoint, or a private one (the test server's). */
  token_uri: z.url({ protocol: /^https?$/ }).default("https://oauth2.googleapis.com/token"),
  universe_domain: z.string().min(1).optional(),
});

export type ServiceAccountKey = z.infer<typeof serviceAccountKeySchema>;

/** Parses the target's decrypted credentials as a key; a validation AppError that never echoes the key otherwise. */
export function parseServiceAccountKey(credentials: string | undefined): ServiceAccountKey {
  if (!credentials) {
    throw new AppError(
      "validation",
      "This Cloud Run target uses a service-account key, but none is stored: paste the key JSON in Settings › Targets, or switch it to Application Default Credentials.",
      { fields: [{ path: "credentials", message: "is required" }] },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(credentials);
  } catch {
    throw new AppError("validation", "The stored credentials are not JSON: paste the service-account key file as downloaded.", {
      fields: [{ path: "credentials", message: "is not JSON" }],
    });
  }
  const parsed = serviceAccountKeySchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: `credentials.${i.path.join(".")}`, message: i.message }));
  throw new AppError("validation", `The service-account key is invalid: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, {
    fields,
  });
}
