"use client";

import { useState } from "react";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { useTRPCClient } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";

/** Downloads every ballot as CSV, with the file name the server chose. */
export function ExportButton({ pollId }: { pollId: string }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  return <CsvDownload fetchCsv={() => client.poll.exportBallots.query({ pollId })} label={t("admin.export")} />;
}

type Csv = { filename: string; csv: string };

/** A button that fetches a CSV from the server and saves it under the file name the server chose. */
export function CsvDownload({ fetchCsv, label }: { fetchCsv: () => Promise<Csv>; label: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "working" | "failed">("idle");

  async function download() {
    setState("working");
    try {
      const { filename, csv } = await fetchCsv();
      // A byte-order mark so spreadsheet apps read Korean text as UTF-8.
      const href = URL.createObjectURL(new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }));
      const link = Object.assign(document.createElement("a"), { href, download: filename });
      link.click();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  return (
    <div className="export">
      <button type="button" className="button button--secondary button--small" onClick={download} disabled={state === "working"}>
        {state === "working" ? t("admin.exporting") : label}
      </button>
      {state === "failed" && <Notice tone="error">{t("common.unexpectedError")}</Notice>}
    </div>
  );
}
