"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { readApiError } from "../../_trpc/errors";
import { useTRPC } from "../../_trpc/react";

/** The signed-in owner; a visitor who is not signed in is sent to sign in, and back here afterwards. */
export function useOwner() {
  const trpc = useTRPC();
  const router = useRouter();
  const path = usePathname();
  const me = useQuery(trpc.auth.me.queryOptions());
  const signedOut = me.isError && readApiError(me.error).code === "UNAUTHORIZED";
  useEffect(() => {
    if (signedOut) router.replace(`/owner/sign-in?next=${encodeURIComponent(`${path}${window.location.search}`)}`);
  }, [signedOut, router, path]);
  return me;
}
