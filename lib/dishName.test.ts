import { describe, expect, it } from "vitest";
import { dishName, optionLabel } from "./dishName";

describe("dish names in two languages", () => {
  const both = { nameEn: "Bibimbap", nameKo: "비빔밥" };

  it("shows the page's language, falling back to the other", () => {
    expect(dishName(both, "en")).toBe("Bibimbap");
    expect(dishName(both, "ko")).toBe("비빔밥");
    expect(dishName({ nameEn: "Bulgogi", nameKo: null }, "ko")).toBe("Bulgogi");
    expect(dishName({ nameEn: null, nameKo: "잡채" }, "en")).toBe("잡채");
  });

  it("an option shows its dish's name in the page's language, unless the owner relabelled it", () => {
    expect(optionLabel({ label: "Bibimbap", menuItem: both }, "ko")).toBe("비빔밥");
    expect(optionLabel({ label: "비빔밥", menuItem: both }, "en")).toBe("Bibimbap");
    expect(optionLabel({ label: "Chef's bibimbap", menuItem: both }, "ko")).toBe("Chef's bibimbap");
    expect(optionLabel({ label: "Plain option" }, "ko")).toBe("Plain option");
    expect(optionLabel({ label: "Japchae", menuItem: null }, "ko")).toBe("Japchae");
  });
});
