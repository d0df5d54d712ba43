import { z } from "zod";
import type { Rule } from "./slidingWindow";

const minute = 60_000;

/**
 * Every limit, configurable as a whole or in part with RATE_LIMITS (JSON, e.g. {"votesPerIp":{"limit":300}}).
 * Votes per IP are generous: a restaurant's diners share one Wi-Fi address.
 */
export const DEFAULT_LIMITS = {
  votesPerIp: { limit: 120, windowMs: minute },
  newVotersPerIpPerPoll: { limit: 100, windowMs: 10 * minute },
  newVotersPerIp: { limit: 200, windowMs: 10 * minute },
  /** Password checks of a signed-in account (changing e-mail or password), per account. */
  signInsPerAccount: { limit: 10, windowMs: 15 * minute },
  /** Sign-ins per address and account: a guesser is stopped, the owner elsewhere is not (delays: signInDelays.ts). */
  signInsPerIpPerAccount: { limit: 10, windowMs: 15 * minute },
  signInsPerIp: { limit: 50, windowMs: 15 * minute },
  signUpsPerIp: { limit: 20, windowMs: 60 * minute },
  pollsPerOwner: { limit: 60, windowMs: 60 * minute },
  couponChecksPerOwner: { limit: 300, windowMs: minute },
  staffPinsPerStaff: { limit: 5, windowMs: 15 * minute },
  staffPinsPerDevice: { limit: 30, windowMs: 15 * minute },
  passwordResetsPerIp: { limit: 20, windowMs: 60 * minute },
  passwordResetsPerAccount: { limit: 5, windowMs: 60 * minute },
} satisfies Record<string, Rule>;

export type LimitName = keyof typeof DEFAULT_LIMITS;
export type LimitRules = Record<LimitName, Rule>;

const ruleOverride = z.object({ limit: z.number().int().min(1), windowMs: z.number().int().min(1_000) }).partial().strict();
const overridesSchema = z.partialRecord(z.enum(Object.keys(DEFAULT_LIMITS) as [LimitName, ...LimitName[]]), ruleOverride);

export function limitRules(overridesJson?: string): LimitRules {
  if (!overridesJson) return DEFAULT_LIMITS;
  const overrides = overridesSchema.parse(JSON.parse(overridesJson));
  const rules = { ...DEFAULT_LIMITS } as LimitRules;
  for (const [name, override] of Object.entries(overrides) as [LimitName, Partial<Rule>][]) rules[name] = { ...rules[name], ...override };
  return rules;
}

/** No practical limit: for tests and benchmarks that are about something else than rate limiting. */
export const UNLIMITED: LimitRules = Object.fromEntries(
  Object.keys(DEFAULT_LIMITS).map((name) => [name, { limit: 1_000_000_000, windowMs: minute }]),
) as LimitRules;
