import { promotionContract } from "../../../test/contract/promotionContract";

promotionContract("redis");
