import { fuzzProcedures } from "../../test/support/fuzzProcedures";

fuzzProcedures("mutation");
