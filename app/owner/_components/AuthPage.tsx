"use client";

import type { ReactNode } from "react";
import { SiteHeader } from "../../_ui/SiteHeader";

export function AuthPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main className="page page--narrow">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
