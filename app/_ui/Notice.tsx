import type { ReactNode } from "react";

type Tone = "info" | "success" | "warning" | "error";

/**
 * A message about what just happened. `role="status"` for news (announced politely), `role="alert"` for errors
 * (announced at once).
 */
export function Notice({ tone = "info", children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`notice ${className ?? ""}`} data-tone={tone}>
      {children}
    </div>
  );
}
