import { describe, expect, it } from "vitest";
import { errorCodeOf } from "../../test/support/errors";
import { signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("menu and menu votes", () => {
  const app = useTestApp("postgres");

  it("keeps each owner's menu to themselves and builds a menu vote from it", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const bibimbap = await owner.api.menu.add.mutate({ nameEn: "Bibimbap", nameKo: "비빔밥", description: "Rice, vegetables, egg", priceCents: 1200, photoUrl: "/menu-photos/bibimbap.svg" });
    const bulgogi = await owner.api.menu.add.mutate({ nameEn: "Bulgogi", priceCents: 1500 });
    expect((await owner.api.menu.list.query()).map((m) => [m.nameEn, m.nameKo])).toEqual([["Bibimbap", "비빔밥"], ["Bulgogi", null]]);
    await owner.api.menu.update.mutate({ menuItemId: bulgogi.id, nameEn: "Bulgogi (spicy)", nameKo: "매운 불고기", description: "", priceCents: 1600 });

    const poll = await owner.api.poll.create.mutate({
      question: "Next week's special?",
      options: [bibimbap, bulgogi].map((item) => ({ label: item.nameEn!, menuItemId: item.id })),
    });
    const shown = await app.browser().api.poll.get.query({ slug: poll.slug });
    expect(shown.options.map((o) => o.menuItemId)).toEqual([bibimbap.id, bulgogi.id]);
    // The diner's page shows the dish: its photo, description and price.
    // The diner's page shows the dish: its names in both languages, photo, description and price in the restaurant's currency.
    expect(shown.options[0].menuItem).toEqual({
      nameEn: "Bibimbap", nameKo: "비빔밥", description: "Rice, vegetables, egg", priceCents: 1200, photoUrl: "/menu-photos/bibimbap.svg",
    });
    expect(shown.currency).toBe("USD");

    const stranger = app.browser();
    await signUpOwner(stranger);
    expect(await stranger.api.menu.list.query()).toEqual([]);
    expect(await errorCodeOf(stranger.api.menu.remove.mutate({ menuItemId: bibimbap.id }))).toBe("FORBIDDEN");
    const foreignVote = stranger.api.poll.create.mutate({ question: "Steal?", options: [{ label: "x", menuItemId: bibimbap.id }, { label: "y" }] });
    expect(await errorCodeOf(foreignVote)).toBe("BAD_REQUEST");
    expect(await errorCodeOf(owner.api.menu.add.mutate({ nameEn: "Bad photo", priceCents: 1, photoUrl: "https://evil.example/x.png" }))).toBe("BAD_REQUEST");
    expect(await errorCodeOf(owner.api.menu.add.mutate({ nameEn: "", priceCents: -1 }))).toBe("BAD_REQUEST");
    expect(await errorCodeOf(owner.api.menu.add.mutate({ nameEn: " ", nameKo: "", priceCents: 100 }))).toBe("BAD_REQUEST");

    await owner.api.menu.remove.mutate({ menuItemId: bibimbap.id });
    const after = await app.browser().api.poll.get.query({ slug: poll.slug });
    expect(after.options.map((o) => [o.label, o.menuItemId])).toEqual([["Bibimbap", null], ["Bulgogi", bulgogi.id]]);
  });
});
