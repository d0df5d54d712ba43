import { describe, expect, it } from "vitest";
import { createOpenPoll, signUpOwner } from "../../test/support/fixtures";
import { useTestApp } from "../../test/support/testApp";

describe("health, readiness and metrics", () => {
  const app = useTestApp("postgres");

  it("serves Prometheus metrics: the process and event-loop families beside the product's own", async () => {
    const owner = app.browser();
    await signUpOwner(owner);
    const poll = await createOpenPoll(owner);
    await app.browser().api.vote.cast.mutate({ pollId: poll.id, optionIds: [poll.options[0].id] });

    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const family of ["process_cpu_seconds_total", "process_resident_memory_bytes", "nodejs_eventloop_lag_seconds", "nodejs_heap_size_used_bytes"]) {
      expect(text, family).toMatch(new RegExp(`^# TYPE ${family} `, "m"));
    }
    expect(text).toMatch(/^tableside_votes_total\{outcome="accepted"\} 1$/m);
    expect(text).toMatch(/^tableside_vote_duration_seconds_count 1$/m);
    expect(text).toMatch(/^tableside_vote_engine\{engine="postgres"\} 1$/m);
    // Counters end in _total and are typed counter; a value read at scrape time is a gauge without it.
    expect(text).toMatch(/^# TYPE tableside_flusher_entries_total counter$/m);
    expect(text).toMatch(/^# TYPE tableside_snapshots_written_total counter$/m);
    expect(text).toMatch(/^# TYPE tableside_flusher_lag_seconds gauge$/m);
  });

  it("answers liveness and readiness", async () => {
    expect(await (await fetch(`${app.url}/api/health`)).json()).toEqual({ ok: true, engine: "postgres", build: "development" });
    const ready = await fetch(`${app.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, postgres: "up", migrations: "applied", redis: "not configured" });
  });
});
