// Input of the review routes: GET /api/v1/reviews and POST /api/v1/reviews/{id}/close.
import { z } from "zod";

export const listReviewsQuery = z.object({
  /** "true": only open reviews; "false": only closed ones; absent: all */
  open: z
    .enum(["true", "false", ""], { message: "must be true or false" })
    .optional()
    .transform((value) => (value === "true" ? true : value === "false" ? false : undefined)),
});
export type ListReviewsQuery = z.infer<typeof listReviewsQuery>;

export const closeReviewBody = z
  .object({
    comment: z
      .string()
      .trim()
      .min(1, "say what the review found and what follows from it")
      .max(5000, "keep the comment under 5000 characters"),
  })
  .strict();
export type CloseReviewInput = z.infer<typeof closeReviewBody>;
