import { voteEngineContract } from "../../../test/contract/voteEngineContract";

voteEngineContract("redis");
