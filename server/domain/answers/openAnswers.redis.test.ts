import { openAnswerContract } from "../../../test/contract/openAnswerContract";

openAnswerContract("redis");
