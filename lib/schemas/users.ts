// Input of the user administration routes (/api/v1/users).
import { z } from "zod";
import { roleSchema } from "./common";

export const MIN_PASSWORD_LENGTH = 12;

export const createUserBody = z.object({
  // trim before the format check: a pasted address often carries spaces
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ message: "must be an email address" })),
  name: z.string().trim().min(1, "is required").max(120),
  role: roleSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    name: z.string().trim().min(1, "must not be empty").max(120).optional(),
  })
  .strict()
  .refine((value) => value.role !== undefined || value.disabled !== undefined || value.name !== undefined, {
    message: "send at least one of role, disabled, name",
  });
export type UpdateUserInput = z.infer<typeof updateUserBody>;
