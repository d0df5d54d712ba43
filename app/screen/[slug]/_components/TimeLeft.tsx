"use client";

import { useEffect, useState } from "react";
import { formatDuration } from "@/lib/format";

/** A countdown to the poll's closing time, ticking once a second (this component alone re-renders). */
export function TimeLeft({ closesAt }: { closesAt: string }) {
  const end = Date.parse(closesAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return <time dateTime={closesAt}>{formatDuration(end - now)}</time>;
}
