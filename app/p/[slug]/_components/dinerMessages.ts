/**
 * The message namespaces the diner's page uses (its components, the site header, result bars, specials): only these
 * are sent to it (app/p/[slug]/layout.tsx). A key of another namespace would show as the key itself: a new one
 * goes here, which app/p/[slug]/dinerMessages.test.ts checks against the page's source.
 */
export const DINER_MESSAGES = ["app", "lang", "common", "vote", "presence", "results", "share", "specials", "rating", "ranking", "answer"] as const;
