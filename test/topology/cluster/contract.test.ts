import { lifecycleContract } from "../../contract/lifecycleContract";
import { promotionContract } from "../../contract/promotionContract";
import { voteEngineContract } from "../../contract/voteEngineContract";

// The Redis engine's contract suites, unchanged, with REDIS_URL naming a 3-master Redis Cluster (globalSetup.ts).
voteEngineContract("redis");
promotionContract("redis");
lifecycleContract("redis");
