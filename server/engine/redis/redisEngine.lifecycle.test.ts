import { lifecycleContract } from "../../../test/contract/lifecycleContract";

lifecycleContract("redis");
