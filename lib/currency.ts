/** Currencies a restaurant can price its menu in: whatever ISO 4217 codes this runtime's Intl knows. */
export function currencyCodes(): readonly string[] {
  return Intl.supportedValuesOf("currency");
}

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencyCodes().includes(code);
}

// The few regions where a new restaurant's browser language names its currency with no doubt; others start in USD
// and change it in the restaurant's settings.
const REGION_CURRENCY: Record<string, string> = { KR: "KRW", US: "USD", GB: "GBP", JP: "JPY", CN: "CNY", TW: "TWD", CA: "CAD", AU: "AUD", NZ: "NZD", SG: "SGD", HK: "HKD", IN: "INR", CH: "CHF" };
const EURO_REGIONS = new Set(["AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK"]);

/** A sensible first currency from a browser language tag ("ko-KR" → KRW, "de-DE" → EUR); Korean alone means KRW. */
export function currencyForLanguage(tag: string): string {
  const locale = new Intl.Locale(tag).maximize();
  const region = locale.region ?? "";
  if (EURO_REGIONS.has(region)) return "EUR";
  return REGION_CURRENCY[region] ?? "USD";
}
