import type { z } from "zod";

/** The input fields a zod error complains about, by top-level name ("options" for "options.2.label"). */
export function invalidFields(error: z.ZodError): Set<string> {
  return new Set(error.issues.map((issue) => String(issue.path[0] ?? "")));
}

/** Moves focus to the first field marked invalid, once React has rendered the marks. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
