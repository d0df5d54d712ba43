import { questionKindsContract } from "../../../test/contract/questionKindsContract";
import { VoterBloomPrecheck } from "./bloomPrecheck";

// With the Bloom pre-check on: it must never answer for a voter who may still change their ballot.
questionKindsContract("redis", { precheck: new VoterBloomPrecheck() });
