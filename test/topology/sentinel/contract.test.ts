import { voteEngineContract } from "../../contract/voteEngineContract";

// The Redis engine's vote contract, unchanged, with REDIS_URL naming a Sentinel-watched primary (globalSetup.ts).
voteEngineContract("redis");
