import { describe, expect, it } from "vitest";
import { errorCodeOf } from "../../test/support/errors";
import { signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

const PASSWORD = "a long enough password";

describe("account and restaurant settings", () => {
  const app = useTestApp("postgres");

  async function ownerOnTwoDevices() {
    const phone = app.browser();
    const { email } = await signUpOwner(phone);
    const laptop = app.browser();
    await laptop.api.auth.signIn.mutate({ email, password: PASSWORD });
    return { phone, laptop, email };
  }

  it("changes the sign-in e-mail only with the current password", async () => {
    const { phone, email } = await ownerOnTwoDevices();
    const newEmail = `moved-${Date.now()}@example.com`;
    expect(await errorCodeOf(phone.api.account.changeEmail.mutate({ email: newEmail, password: "not my password" }))).toBe("UNAUTHORIZED");
    const taken = await signUpOwner(app.browser());
    expect(await errorCodeOf(phone.api.account.changeEmail.mutate({ email: taken.email, password: PASSWORD }))).toBe("CONFLICT");
    expect(await phone.api.account.changeEmail.mutate({ email: newEmail.toUpperCase(), password: PASSWORD })).toEqual({ email: newEmail });
    expect(await errorCodeOf(app.browser().api.auth.signIn.mutate({ email, password: PASSWORD }))).toBe("UNAUTHORIZED");
    await app.browser().api.auth.signIn.mutate({ email: newEmail, password: PASSWORD });
  });

  it("changing the password signs out every other device, not this one", async () => {
    const { phone, laptop, email } = await ownerOnTwoDevices();
    expect(await errorCodeOf(phone.api.account.changePassword.mutate({ currentPassword: "wrong one", newPassword: "a newer password" }))).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(phone.api.account.changePassword.mutate({ currentPassword: PASSWORD, newPassword: "short" }))).toBe("BAD_REQUEST");
    await phone.api.account.changePassword.mutate({ currentPassword: PASSWORD, newPassword: "a newer password" });
    expect((await phone.api.auth.me.query()).email).toBe(email);
    expect(await errorCodeOf(laptop.api.auth.me.query())).toBe("UNAUTHORIZED");
    await app.browser().api.auth.signIn.mutate({ email, password: "a newer password" });
  });

  it("signs out everywhere, this device included", async () => {
    const { phone, laptop } = await ownerOnTwoDevices();
    expect(await phone.api.account.signOutEverywhere.mutate()).toEqual({ sessionsEnded: 2 });
    expect(await errorCodeOf(phone.api.auth.me.query())).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(laptop.api.auth.me.query())).toBe("UNAUTHORIZED");
    expect(await errorCodeOf(app.browser().api.account.signOutEverywhere.mutate())).toBe("UNAUTHORIZED");
  });

  it("keeps the restaurant's currency and time zone, from sign-up on", async () => {
    const owner = app.browser();
    await owner.api.auth.signUp.mutate({
      email: `tz-${Date.now()}@example.com`, password: PASSWORD, name: "Ji", restaurantName: "Han", timeZone: "Asia/Seoul", currency: "krw",
    });
    const [restaurant] = (await owner.api.auth.me.query()).restaurants;
    expect(restaurant).toMatchObject({ name: "Han", timeZone: "Asia/Seoul", currency: "KRW" });
    const update = { restaurantId: restaurant.id, name: "Han Table", currency: "EUR", timeZone: "Europe/Paris" };
    expect(await owner.api.account.updateRestaurant.mutate(update)).toEqual({ id: restaurant.id, name: "Han Table", currency: "EUR", timeZone: "Europe/Paris" });
    expect(await errorCodeOf(owner.api.account.updateRestaurant.mutate({ ...update, timeZone: "Mars/Base" }))).toBe("BAD_REQUEST");
    expect(await errorCodeOf(owner.api.account.updateRestaurant.mutate({ ...update, currency: "XYZ" }))).toBe("BAD_REQUEST");
    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await errorCodeOf(stranger.api.account.updateRestaurant.mutate(update))).toBe("FORBIDDEN");
    const plain = app.browser();
    await signUpOwner(plain); // without them: UTC and USD until changed
    expect((await plain.api.auth.me.query()).restaurants[0]).toMatchObject({ timeZone: "UTC", currency: "USD" });
  });
});
