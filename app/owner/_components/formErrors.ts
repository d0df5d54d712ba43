import type { z } from "zod";

/** Why a field is refused: left empty, or not acceptable as typed. */
export type FieldProblem = "required" | "invalid";
export type FieldProblems = Map<string, FieldProblem>;

/** The input fields a zod error complains about, by top-level name, each "required" when it was left empty. */
export function fieldProblems(error: z.ZodError, values: Record<string, string>): FieldProblems {
  const problems: FieldProblems = new Map();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    problems.set(field, (values[field] ?? "").trim() === "" ? "required" : "invalid");
  }
  return problems;
}

/** Moves focus to the first field marked invalid, once React has rendered the marks. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
