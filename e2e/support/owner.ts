import type { Page } from "@playwright/test";
import { ApiClient } from "./api";
import { expect } from "./fixtures";

export const OWNER_PASSWORD = "a long enough password";

/** Signs a new owner up through the form, in English; the page's context then holds the owner's session. */
export async function signUpInPage(page: Page, who = "owner"): Promise<string> {
  const email = `${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await page.goto("/owner/sign-up");
  await page.getByLabel("Your name").fill("Mina Park");
  await page.getByLabel("Restaurant name").fill("Hanok Table");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(OWNER_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your polls" })).toBeVisible();
  return email;
}

/** A tRPC mutation with the page's cookies (the owner's session), for set-up that is not the journey's subject. */
export async function apiMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: input });
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path} failed: ${response.status()} ${JSON.stringify(body)}`);
  return body.result.data as T;
}

/**
 * Set-up for the counter journeys: the signed-in owner opens a dessert poll with a five-coupon promotion and `winners`
 * diners vote through the API, so the journey starts with coupon codes to redeem. Presence is off: these voters come
 * from afar (proof of presence has its own journey).
 */
export async function openPromotionWithCoupons(owner: Page, appUrl: string, winners: number): Promise<string[]> {
  const poll = await apiMutation<{ id: string; options: { id: string }[] }>(owner, "poll.create", {
    question: "Dessert tonight?",
    options: [{ label: "Hotteok" }, { label: "Bingsu" }],
    promotion: { title: "Free tea", discount: "One cup", quantity: 5, validUntil: new Date(Date.now() + 86_400_000) },
    presenceRequired: false,
  });
  await apiMutation(owner, "poll.open", { pollId: poll.id });
  const codes: string[] = [];
  for (let i = 0; i < winners; i++) {
    const diner = await ApiClient.create(appUrl);
    codes.push((await diner.castVote(poll.id, [poll.options[0].id])).coupon!.code);
    await diner.dispose();
  }
  return codes;
}
