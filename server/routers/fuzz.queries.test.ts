import { fuzzProcedures } from "../../test/support/fuzzProcedures";

fuzzProcedures("query");
