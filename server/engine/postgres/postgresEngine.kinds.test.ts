import { questionKindsContract } from "../../../test/contract/questionKindsContract";

questionKindsContract("postgres");
