import { voteEngineContract } from "../../../test/contract/voteEngineContract";

voteEngineContract("postgres");
