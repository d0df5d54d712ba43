"use client";

import { useState, useSyncExternalStore } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useApiQuery } from "../_client/useApiQuery";

/**
 * "Send to a friend": the system share sheet where there is one (Web Share API: on a phone it reaches KakaoTalk and
 * the rest without any vendor SDK), else the link copied. Shares the plain poll link, never a room code: a friend
 * outside would otherwise vote as if in the room (docs/adr/0026).
 */
export function ShareButton({ pollId, slug, question }: { pollId: string; slug: string; question: string }) {
  const { t } = useI18n();
  const url = useShareUrl(pollId, slug);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  if (!url) return null;

  async function share() {
    if (!url) return;
    if (typeof navigator.share === "function") {
      // A dismissed sheet rejects with AbortError: nothing to say then.
      await navigator.share({ title: question, text: question, url }).catch(() => {});
      return;
    }
    const copied = await navigator.clipboard?.writeText(url).then(() => true, () => false);
    setState(copied ? "copied" : "failed");
  }

  return (
    <p className="vote-share">
      <button type="button" className="button button--secondary button--small" onClick={share}>{t("share.send")}</button>{" "}
      <span role="status">
        {state === "copied" && t("share.copied")}
        {state === "failed" && <>{t("share.copyThis")} <a href={url}>{url}</a></>}
      </span>
    </p>
  );
}

const noSubscription = () => () => {};

/** The link diners open: the server's public address when it has one, else this page's own origin (as app/_live/useShareUrl.ts). */
function useShareUrl(pollId: string, slug: string): string | undefined {
  const configured = useApiQuery("poll.shareUrl", { pollId });
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => undefined);
  if (configured.isPending) return undefined;
  if (configured.data) return configured.data;
  return origin ? `${origin}/p/${slug}` : undefined;
}
