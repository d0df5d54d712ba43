/**
 * Node flags the production server runs with (`npm run start:prod`, the Dockerfile's CMD; nodeFlags.test.ts keeps
 * them in step). A young generation of 64 MB semi-spaces: a live update's fan-out allocates per socket (tRPC's
 * envelope and promises, ws's frame header, the write request) while thousands of writes are in flight, so with
 * V8's 16 MB default a scavenge lands mid-fan-out and copies, then promotes, what the pending writes still hold.
 * Measured in docs/adr/0033.
 */
export const PRODUCTION_NODE_FLAGS = ["--max-semi-space-size=64"];
