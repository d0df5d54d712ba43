import { z } from "zod";
import { LIMITS } from "./limits";

/** Every boundary validates with these schemas: tRPC inputs on the server, forms in the browser. */

export const idSchema = z.string().trim().min(1).max(LIMITS.idLength).regex(/^[A-Za-z0-9_-]+$/, "not an id");

export const resultsVisibilitySchema = z.enum(["live", "after_vote", "after_close"]);
export type ResultsVisibility = z.infer<typeof resultsVisibilitySchema>;

export const pollStatusSchema = z.enum(["draft", "open", "closed"]);
export type PollStatus = z.infer<typeof pollStatusSchema>;

export const signUpInput = z.object({
  email: z.email().max(LIMITS.emailLength).toLowerCase(),
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
  name: z.string().trim().min(1).max(LIMITS.nameLength),
  restaurantName: z.string().trim().min(1).max(LIMITS.nameLength),
});

export const signInInput = z.object({
  email: z.email().max(LIMITS.emailLength).toLowerCase(),
  password: z.string().min(1).max(LIMITS.passwordMax),
});

const optionInput = z.object({
  label: z.string().trim().min(1).max(LIMITS.optionLabelLength),
  menuItemId: idSchema.optional(),
});

export const createPollInput = z
  .object({
    restaurantId: idSchema.optional(),
    question: z.string().trim().min(1).max(LIMITS.questionLength),
    options: z.array(optionInput).min(LIMITS.minOptions).max(LIMITS.maxOptions),
    multipleChoice: z.boolean().default(false),
    maxChoices: z.number().int().min(1).max(LIMITS.maxOptions).optional(),
    opensAt: z.coerce.date().optional(),
    closesAt: z.coerce.date().optional(),
    resultsVisibility: resultsVisibilitySchema.default("live"),
  })
  .refine((poll) => !poll.opensAt || !poll.closesAt || poll.opensAt < poll.closesAt, {
    message: "opensAt must be before closesAt",
    path: ["closesAt"],
  })
  .refine((poll) => (poll.maxChoices ?? 1) <= poll.options.length, {
    message: "maxChoices cannot exceed the number of options",
    path: ["maxChoices"],
  })
  .refine((poll) => poll.multipleChoice || (poll.maxChoices ?? 1) === 1, {
    message: "a single-choice poll takes exactly one choice",
    path: ["maxChoices"],
  });
export type CreatePollInput = z.infer<typeof createPollInput>;

export const pollRefInput = z.union([z.object({ pollId: idSchema }), z.object({ slug: idSchema })]);

export const pollIdInput = z.object({ pollId: idSchema });

export const castVoteInput = z.object({
  pollId: idSchema,
  optionIds: z.array(idSchema).min(1).max(LIMITS.maxOptions),
});

/** A poll's live tally. `seq` grows by one per accepted ballot, so a viewer can tell a newer tally from an older one. */
export type PollResults = { counts: Record<string, number>; total: number; seq: number };

export type VoteStatus = "accepted" | "already_voted";
